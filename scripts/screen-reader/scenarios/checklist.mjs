// <ww-stabilisation-checklist>: a step marked done, its state and the section's
// progress heard through the live region; "keep on this device" chosen and
// heard; "delete everything" asks first, then confirms. Page: pages/checklist.html
// (the built-in German list; the test browser's profile is thrown away after the run).
import { exposes, heard, heardInOrder, notHeard } from '../expect.mjs';

/** Presses `key` until `pattern` is heard (at most `times`); returns that step's transcript. */
async function pressUntil(sr, step, key, pattern, times) {
  let last = '';
  for (let i = 0; i < times && !pattern.test(last); i++) last = await step(key, sr.press(key));
  return last;
}

export default [
  {
    name: 'checklist: a step marked done is heard with its state and the section\'s progress; keep on this device; delete everything asks, then confirms',
    page: 'checklist.html',
    browsers: ['firefox', 'chromium'],
    async run({ sr, step }) {
      await step('ctrl+Home', sr.press('ctrl+Home'));
      // Orca's "next radio button" key: the view's two choices, then the first step's four.
      const done = await pressUntil(sr, step, 'r', /Erledigt/, 6);
      heard(done, /Erledigt.*\n?.*not selected radio button/, 'the first step\'s "done" choice, not yet chosen');

      const ticked = await step('space (choose "Erledigt")', sr.press('space'));
      heard(ticked, /^selected$/m, 'the new state of the choice');
      // The live region: which step, its new state, and the section's progress.
      heard(ticked, 'Klären, ob Ihnen Leistungen zustehen: Erledigt. Geld und finanzielle Sicherheit: 1 von 7 erledigt', 'the step, its state and the progress, from the live region');

      // Leaving the step's choices and coming back names the group by its step.
      const group = await step('shift+Tab', sr.press('shift+Tab'));
      const back = await step('Tab', sr.press('Tab'));
      heard(`${group}\n${back}`, 'Status: Klären, ob Ihnen Leistungen zustehen', 'the choices are a group named by the step');
      heard(back, /Erledigt\.?\n?.*selected radio button/, 'the choice is kept');
      notHeard(back, /not selected/, 'the chosen one is heard as selected');

      // "Keep on this device": an opt-in, said what it means, confirmed in words.
      await step('ctrl+Home', sr.press('ctrl+Home'));
      const keep = await pressUntil(sr, step, 'Tab', /Auf diesem Gerät aufbewahren/, 8);
      heard(keep, /Auf diesem Gerät aufbewahren.*push button/, 'the opt-in is a button');
      const kept = await step('Return', sr.press('Return'));
      heard(kept, 'Die Liste wird jetzt auf diesem Gerät aufbewahrt. Sie können sie jederzeit löschen.', 'the choice confirmed');

      // "Delete everything": asked first, the question heard with the confirming button.
      const deleteButton = await pressUntil(sr, step, 'Tab', /Alles löschen/, 5);
      heard(deleteButton, /Alles löschen.*push button/);
      const asked = await step('Return', sr.press('Return'));
      heardInOrder(asked, 'Jeden Status und jede Notiz löschen, auch auf diesem Gerät?', /Ja, alles löschen.*push button/, 'the question, then the button that confirms (focus moved there)');
      const tree = sr.accessibilityTree();
      const deleted = await step('Return (Ja, alles löschen)', sr.press('Return'));
      heard(deleted, 'Alles ist gelöscht: jeder Status und jede Notiz, auch im Speicher dieses Browsers.', 'what was deleted, in words');
      heard(deleted, /Alles löschen.*push button/, 'focus back on "Alles löschen"');

      exposes(tree, { role: 'radio button', name: 'Erledigt' });
      exposes(tree, { role: 'panel', name: 'Status: Klären, ob Ihnen Leistungen zustehen' }, 'each step\'s choices a group named by the step');
      exposes(tree, { role: 'panel', name: 'Jeden Status und jede Notiz löschen, auch auf diesem Gerät?' }, 'the confirmation is a group named by its question');
      exposes(tree, { role: 'push button', name: 'Ja, alles löschen' });
      exposes(tree, { role: 'push button', name: 'Nicht mehr auf diesem Gerät aufbewahren' }, 'keeping can be stopped');
      exposes(tree, { role: 'status bar', name: '' }, 'live regions (the progress and the notices) are status regions');
    },
  },
];
