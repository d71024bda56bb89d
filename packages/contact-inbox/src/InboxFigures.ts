import { css, html, nothing, svg, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { WegweiserElement, registerMessages, token } from '@wegweiser/core';
import { contactStyles } from '@wegweiser/contact-form/styles';
import type { Topic } from '@wegweiser/contact-form/envelope';
import { colorAccent, colorFocus, colorText, space2, space3 } from '@wegweiser/tokens/defaults';
import type { InboxClient } from './inbox-client.js';
import { chartRows, countFirstMessages, csv, figureColumns, networkTable, teamTable, type FigureColumn, type FigureRow, type FigureTable, type FirstMessageFacts } from './figures.js';
import { languageName, topicLabel } from './inbox-labels.js';
import { catalogue } from './generated/catalogue.js';

registerMessages('@wegweiser/contact-inbox', catalogue);

/** The two series the chart draws (the table has every column). */
const chartColumns: FigureColumn[] = ['firstContacts', 'answers'];

function columnLabel(column: FigureColumn): string {
  return {
    firstContacts: msg('First contacts'),
    followUps: msg('Later messages from people'),
    answers: msg('Answers from the team'),
    closed: msg('Conversations closed'),
    deletedByPerson: msg('Deleted by the person'),
    'under-1h': msg('First answer within 1 hour'),
    '1-4h': msg('First answer after 1 to 4 hours'),
    '4-24h': msg('First answer after 4 to 24 hours'),
    '1-3d': msg('First answer after 1 to 3 days'),
    '3-7d': msg('First answer after 3 to 7 days'),
    'over-7d': msg('First answer after more than 7 days'),
  }[column];
}

/** Shown for a count the relay suppressed (below 5). */
const suppressedText = () => msg('< 5');

/**
 * @summary The figures of a centre (or, for the network's coordination
 * office, of every centre and their sum), month by month: a chart, the same
 * numbers as a data table, and both as CSV for the annual report; for a team
 * also the topics and answer languages counted in this browser over the
 * conversations the inbox holds. Used inside `<ww-contact-inbox>`.
 *
 * @csspart chart - The chart (SVG) with its caption.
 * @csspart table - The scrollable data table.
 *
 * @status experimental
 * @since 0.2.0
 */
export class InboxFigures extends WegweiserElement {
  static override styles = [
    ...WegweiserElement.styles,
    contactStyles,
    css`
      .scroll {
        overflow-x: auto;
        max-inline-size: 100%;
      }
      .scroll:focus-visible {
        outline: 3px solid ${token('color-focus', colorFocus)};
        outline-offset: 2px;
      }
      table {
        border-collapse: collapse;
        margin-block: ${token('space-2', space2)};
      }
      caption {
        text-align: start;
        font-weight: bold;
        padding-block-end: ${token('space-2', space2)};
      }
      th,
      td {
        border: 1px solid currentColor;
        padding: ${token('space-2', space2)};
        text-align: end;
        vertical-align: top;
      }
      th[scope='row'],
      thead th:first-child {
        text-align: start;
      }
      svg {
        inline-size: 100%;
        block-size: auto;
        max-inline-size: 48rem;
      }
      .bar-first {
        fill: ${token('color-accent', colorAccent)};
      }
      .bar-answers {
        fill: ${token('color-text', colorText)};
      }
      .legend {
        display: flex;
        flex-wrap: wrap;
        gap: ${token('space-3', space3)};
        list-style: none;
        padding: 0;
      }
      .swatch {
        display: inline-block;
        inline-size: 1em;
        block-size: 1em;
        margin-inline-end: ${token('space-2', space2)};
        vertical-align: middle;
        border: 1px solid currentColor;
      }
      .swatch.first {
        background: ${token('color-accent', colorAccent)};
      }
      .swatch.answers {
        background: ${token('color-text', colorText)};
      }
      @media (forced-colors: active) {
        .bar-first,
        .bar-answers {
          fill: CanvasText;
        }
        .bar-answers {
          fill-opacity: 0.5;
        }
      }
      @media print {
        button {
          display: none;
        }
        .scroll {
          overflow: visible;
        }
      }
    `,
  ];

  /** The inbox's signed-in client (set by `<ww-contact-inbox>`). */
  @property({ attribute: false }) client: InboxClient | null = null;
  /** `team`: the centre's own exact figures; `network`: the coordination office's view (every centre, counts below 5 suppressed). */
  @property() mode: 'team' | 'network' = 'team';
  /** The centre (team) or coordination office (network), for file names and headings. */
  @property() name = '';
  /** The first messages the inbox holds, decrypted: their topics and answer languages are counted here. */
  @property({ attribute: false }) firstMessages: FirstMessageFacts[] = [];

  @state() private table: FigureTable | null = null;
  @state() private load: 'loading' | 'ready' | 'unavailable' = 'loading';
  private loadedFrom: InboxClient | null = null;

  protected override willUpdate(): void {
    if (this.client && this.client !== this.loadedFrom) void this.reload();
  }

  /** Loads the figures again from the relay. */
  async reload(): Promise<void> {
    const client = this.client;
    if (!client) return;
    this.loadedFrom = client;
    this.load = 'loading';
    try {
      this.table = this.mode === 'network' ? networkTable(await client.networkFigures()) : teamTable(await client.figures());
      this.load = 'ready';
    } catch {
      this.load = 'unavailable';
    }
  }

  private monthName(month: string): string {
    const [year, monthNumber] = month.split('-').map(Number);
    return new Intl.DateTimeFormat(this.locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(year!, monthNumber! - 1, 1));
  }

  private cellText(value: number | null): string {
    return value === null ? suppressedText() : new Intl.NumberFormat(this.locale).format(value);
  }

  private rowName(row: FigureRow): string {
    return row.centre ?? msg('All centres');
  }

  private download(fileName: string, text: string): void {
    // A byte order mark, so spreadsheet programs read the file as UTF-8.
    const url = URL.createObjectURL(new Blob(['\ufeff', text], { type: 'text/csv;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  /** The figures as CSV: the table's rows and columns, months as YYYY-MM, suppressed counts as "< 5". */
  figuresCsv(): string {
    const table = this.table;
    if (!table) return '';
    // Outside render, msg() needs the element's locale put in place (localize).
    return this.localize(() => {
      const header = [msg('Month'), ...(table.network ? [msg('Centre')] : []), ...figureColumns.map(columnLabel)];
      const rows = table.rows.map((row) => [row.month, ...(table.network ? [this.rowName(row)] : []), ...row.cells.map((cell) => (cell === null ? suppressedText() : String(cell)))]);
      return csv(header, rows);
    });
  }

  /** Topics and answer languages as CSV, with the period they cover in the first line. */
  countsCsv(): string {
    const counts = countFirstMessages(this.firstMessages);
    return this.localize(() => {
      const rows = [
        ...counts.topics.map(([topic, n]) => [msg('Topic'), topicLabel((topic || null) as Topic | null), String(n)]),
        ...counts.languages.map(([language, n]) => [msg('Answer language'), languageName(this.locale, language || null), String(n)]),
      ];
      return csv([this.periodText(), '', ''], [[msg('Counted'), msg('Value'), msg('Conversations')], ...rows]);
    });
  }

  private periodText(): string {
    const counts = countFirstMessages(this.firstMessages);
    if (counts.from === null || counts.to === null) return msg('The inbox holds no conversations at the moment.');
    const format = new Intl.DateTimeFormat(this.locale, { dateStyle: 'medium' });
    const n = new Intl.NumberFormat(this.locale).format(counts.conversations);
    const from = format.format(counts.from * 1000);
    const to = format.format(counts.to * 1000);
    return msg(str`${n} conversations the inbox holds now, begun between ${from} and ${to}. Older ones have been deleted by the relay and are not counted.`);
  }

  private chart(table: FigureTable): TemplateResult {
    const rows = chartRows(table);
    const columnIndexes = chartColumns.map((column) => figureColumns.indexOf(column));
    const largest = Math.max(1, ...rows.flatMap((row) => columnIndexes.map((index) => row.cells[index] ?? 0)));
    const barWidth = 16;
    const groupWidth = barWidth * chartColumns.length + 16;
    const height = 160;
    const labelSpace = 40;
    const width = Math.max(groupWidth * rows.length, 200);
    return html`<figure part="chart">
      <svg viewBox="0 0 ${width} ${height + labelSpace}" role="img" aria-labelledby="chart-title" focusable="false">
        <title id="chart-title">${msg('First contacts and answers from the team, by month. The table below has every figure.')}</title>
        ${rows.map((row, rowIndex) =>
          columnIndexes.map((index, seriesIndex) => {
            const value = row.cells[index] ?? null;
            const barHeight = value === null ? 0 : (value / largest) * height;
            const x = rowIndex * groupWidth + seriesIndex * barWidth;
            return svg`<rect class=${seriesIndex === 0 ? 'bar-first' : 'bar-answers'} x=${x} y=${height - barHeight} width=${barWidth - 2} height=${barHeight}
              data-month=${row.month} data-column=${figureColumns[index]!} data-value=${value === null ? 'suppressed' : String(value)}></rect>`;
          }),
        )}
        ${rows.map((row, rowIndex) => svg`<text x=${rowIndex * groupWidth} y=${height + 16} font-size="12" fill="currentColor">${row.month}</text>`)}
      </svg>
      <figcaption>
        <ul class="legend">
          <li><span class="swatch first"></span>${columnLabel('firstContacts')}</li>
          <li><span class="swatch answers"></span>${columnLabel('answers')}</li>
        </ul>
        ${table.network ? html`<p>${msg('Sums of all centres; a sum below 5 is not drawn.')}</p>` : nothing}
      </figcaption>
    </figure>`;
  }

  private dataTable(table: FigureTable): TemplateResult {
    return html`<div class="scroll" part="table" role="region" aria-labelledby="figures-caption" tabindex="0">
      <table>
        <caption id="figures-caption">${msg('Figures by month')}</caption>
        <thead>
          <tr>
            <th scope="col">${msg('Month')}</th>
            ${table.network ? html`<th scope="col">${msg('Centre')}</th>` : nothing}
            ${figureColumns.map((column) => html`<th scope="col">${columnLabel(column)}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${table.rows.map(
            (row) => html`<tr data-month=${row.month}>
              <th scope="row">${this.monthName(row.month)}</th>
              ${table.network ? html`<th scope="row">${this.rowName(row)}</th>` : nothing}
              ${row.cells.map((cell, index) => html`<td data-column=${figureColumns[index]!}>${this.cellText(cell)}</td>`)}
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  private countsSection(): TemplateResult {
    const counts = countFirstMessages(this.firstMessages);
    const format = (n: number) => new Intl.NumberFormat(this.locale).format(n);
    const countTable = (caption: string, rows: [string, number][], label: (value: string) => string) =>
      html`<table>
        <caption>${caption}</caption>
        <thead>
          <tr>
            <th scope="col">${msg('Value')}</th>
            <th scope="col">${msg('Conversations')}</th>
          </tr>
        </thead>
        <tbody>
          ${rows.map(([value, n]) => html`<tr><th scope="row">${label(value)}</th><td>${format(n)}</td></tr>`)}
        </tbody>
      </table>`;
    return html`<section aria-labelledby="counts-title">
      <h3 id="counts-title">${msg('Topics and answer languages')}</h3>
      <p>${msg('Counted in this browser; the relay never learns them.')} ${this.periodText()}</p>
      ${counts.conversations
        ? html`${countTable(msg('Topics'), counts.topics, (topic) => topicLabel((topic || null) as Topic | null))}
            ${countTable(msg('Answer languages'), counts.languages, (language) => languageName(this.locale, language || null))}
            <button type="button" class="secondary" @click=${() => this.download(`${this.name || 'wegweiser'}-topics-languages.csv`, this.countsCsv())}>
              ${msg('Download topics and languages as CSV')}
            </button>`
        : nothing}
    </section>`;
  }

  protected override render(): TemplateResult {
    const table = this.table;
    let body: TemplateResult;
    if (this.load === 'loading' && !table) body = html`<p role="status">${msg('Loading…')}</p>`;
    else if (this.load === 'unavailable' || !table) {
      body = html`<div class="box warning" role="status">
        <p>${msg('The figures cannot be loaded at the moment.')}</p>
        <button type="button" @click=${() => this.reload()}>${msg('Try again')}</button>
      </div>`;
    } else if (!table.rows.length) body = html`<p>${msg('No figures yet: the relay counts from the first message after its update.')}</p>`;
    else {
      body = html`${this.chart(table)} ${this.dataTable(table)}
        <button type="button" class="secondary" @click=${() => this.download(`${this.name || 'wegweiser'}-figures.csv`, this.figuresCsv())}>${msg('Download the figures as CSV')}</button>`;
    }
    const zone = table?.timeZone ?? '';
    return html`<section lang=${this.locale} dir=${this.localeDir} aria-labelledby="figures-title">
      <h2 id="figures-title" tabindex="-1">${msg('Figures')}</h2>
      <p>${msg(str`Counted by the relay for each calendar month (time zone ${zone}): counters only, no conversation and no time finer than the month.`)}</p>
      ${this.mode === 'network' ? html`<p>${msg('Counts below 5 are shown as “< 5”, and so is a second count where the sum would give one away.')}</p>` : nothing}
      ${body} ${this.mode === 'team' ? this.countsSection() : nothing}
    </section>`;
  }
}
