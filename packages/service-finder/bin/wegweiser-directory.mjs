#!/usr/bin/env node
// wegweiser-directory: check a directory of counselling centres, or import one from Open Referral HSDS.
//
//   wegweiser-directory validate <file.json>
//     Prints every problem with its JSON path and a summary (also each anonymous-contact key's
//     check value and centre id). Exit 0: clean; 1: errors, unknown fields or a channel left out;
//     2: the file cannot be read or is not JSON.
//   wegweiser-directory import-hsds <in.json> [-o out.json] [--language en] [--topic job ...]
//     [--name "…"] [--fictional] [--today YYYY-MM-DD]
//     Writes the directory (stdout without -o) and reports unmapped fields and problems on stderr.
//     Exit 0 when at least one centre was imported, 1 when none, 2 on unreadable input.
import { readFileSync, writeFileSync } from 'node:fs';
import { checkDirectoryAndKeys } from '../dist/checking.js';
import { formatProblem, topics } from '../dist/directory.js';
import { importHsds, summariseUnmapped } from '../dist/hsds.js';

const usage = `Usage:
  wegweiser-directory validate <file.json>
  wegweiser-directory import-hsds <in.json> [-o out.json] [--language <tag>] [--topic <topic>]... [--name <text>] [--fictional] [--today <YYYY-MM-DD>]`;

function fail(message, code = 2) {
  process.stderr.write(`wegweiser-directory: ${message}\n`);
  process.exit(code);
}

/** Reads and parses a JSON file, or exits with 2 and a sentence a person can act on. */
function readJson(file) {
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    fail(`cannot read ${file}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    fail(`${file} is not valid JSON: ${error.message}`);
  }
}

/** The postcode table, when the build has one: it fills Länder and coordinates in imports. */
async function loadPlaces() {
  try {
    const [{ table }, { Places }] = await Promise.all([import('../dist/generated/places.js'), import('../dist/places.js')]);
    return table ? new Places(table) : undefined;
  } catch {
    return undefined;
  }
}

async function validate(args) {
  if (args.length !== 1) fail(`validate takes one file.\n${usage}`);
  const [file] = args;
  const checked = await checkDirectoryAndKeys(readJson(file));
  for (const problem of checked.problems) process.stdout.write(`${formatProblem(problem)}\n`);
  const errors = checked.problems.filter((p) => p.severity === 'error').length;
  const unknownFields = checked.problems.filter((p) => p.severity === 'warning' && p.keyword === 'additionalProperties').length;
  const channelsLeftOut = checked.problems.length - errors - unknownFields;
  const entries = checked.centres.length + checked.skipped;
  process.stdout.write(
    `${file}: ${entries} ${entries === 1 ? 'entry' : 'entries'}, ${checked.centres.length} valid, ${checked.skipped} skipped; ` +
      `${errors} ${errors === 1 ? 'error' : 'errors'}, ${unknownFields} ${unknownFields === 1 ? 'unknown field' : 'unknown fields'}` +
      `${channelsLeftOut ? `, ${channelsLeftOut} anonymous-contact ${channelsLeftOut === 1 ? 'channel' : 'channels'} left out` : ''}${checked.fictional ? ' (fictional data)' : ''}\n`,
  );
  // Unknown fields and channels left out are warnings in the browser (newer files stay
  // readable, the centre is still shown) but fail here: whoever runs the validator wants
  // to know that a field is ignored.
  process.exit(checked.problems.length ? 1 : 0);
}

async function importCommand(args) {
  const options = { fallbackTopics: [] };
  let input;
  let output;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const value = () => (i + 1 < args.length ? args[++i] : fail(`${arg} needs a value.\n${usage}`));
    if (arg === '-o' || arg === '--output') output = value();
    else if (arg === '--language') options.language = value();
    else if (arg === '--name') options.name = value();
    else if (arg === '--today') options.today = value();
    else if (arg === '--fictional') options.fictional = true;
    else if (arg === '--topic') {
      const topic = value();
      if (!topics.includes(topic)) fail(`unknown topic "${topic}"; one of: ${topics.join(', ')}`);
      options.fallbackTopics.push(topic);
    } else if (arg.startsWith('-')) fail(`unknown option ${arg}.\n${usage}`);
    else if (input === undefined) input = arg;
    else fail(`one input file only.\n${usage}`);
  }
  if (input === undefined) fail(`import-hsds needs an input file.\n${usage}`);
  const places = await loadPlaces();
  const { directory, report } = importHsds(readJson(input), { ...options, ...(places ? { places } : {}) });
  const json = `${JSON.stringify(directory, null, 2)}\n`;
  if (output) writeFileSync(output, json);
  else process.stdout.write(json);
  const err = (line) => process.stderr.write(`${line}\n`);
  if (!places) err('note: no postcode table in this build; Länder and coordinates come from the HSDS data only');
  if (report.problems.length) {
    err(`Problems (${report.problems.length}):`);
    report.problems.forEach((p) => err(`  ${p}`));
  }
  if (report.unmapped.length) {
    err(`Fields not imported (${report.unmapped.length}; grouped, [*] stands for any index):`);
    summariseUnmapped(report.unmapped).forEach((p) => err(`  ${p}`));
  }
  err(`${input}: ${directory.centres.length} ${directory.centres.length === 1 ? 'centre' : 'centres'} imported${output ? ` to ${output}` : ''}; ${report.unmapped.length} unmapped ${report.unmapped.length === 1 ? 'field' : 'fields'}, ${report.problems.length} ${report.problems.length === 1 ? 'problem' : 'problems'}`);
  process.exit(directory.centres.length ? 0 : 1);
}

const [command, ...rest] = process.argv.slice(2);
if (command === 'validate') await validate(rest);
else if (command === 'import-hsds') await importCommand(rest);
else if (command === '--help' || command === '-h' || command === 'help') process.stdout.write(`${usage}\n`);
else fail(`${command ? `unknown command "${command}"` : 'no command'}.\n${usage}`);
