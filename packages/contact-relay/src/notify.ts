/**
 * Tells the counselling team by e-mail that a message is waiting. The e-mail
 * says nothing else: no text, no topic, no time to the second, nothing about
 * the sender. Pending notifications live in the store, so a relay restarted
 * while the mail server was down still sends them; a failure is retried with
 * growing pauses (base × 2^attempts, at most an hour), and the message itself
 * is never touched by any of this. A centre gets at most one e-mail per
 * RELAY_NOTIFY_MIN_MINUTES (10 by default): a flood of messages cannot become
 * a flood of e-mails.
 */
import nodemailer, { type Transporter } from 'nodemailer';
import type { RelayConfig } from './config.js';
import type { Store } from './store.js';
import type { Log } from './log.js';

export const notificationSubject = 'Neue Nachricht wartet / New message waiting';

export function notificationText(centre: string): string {
  return [
    `Im Kontakt-Relay wartet eine neue Nachricht für „${centre}“.`,
    'Öffnen Sie sie mit dem privaten Schlüssel Ihrer Beratungsstelle.',
    'Diese E-Mail enthält nichts aus der Nachricht und nichts über die Person, die sie geschrieben hat.',
    '',
    `A new message for "${centre}" is waiting in the contact relay.`,
    "Open it with your counselling centre's private key.",
    'This e-mail contains nothing from the message and nothing about the person who wrote it.',
  ].join('\n');
}

export class Notifier {
  private transport: Transporter | null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly config: RelayConfig,
    private readonly store: Store,
    private readonly log: Log,
    private readonly retryBaseSeconds: number,
  ) {
    this.transport = config.smtpUrl
      ? nodemailer.createTransport({ url: config.smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 })
      : null;
  }

  get enabled(): boolean {
    return this.transport !== null;
  }

  /** Sends every notification that is due; never throws. Runs one at a time. */
  run(now: () => number): Promise<void> {
    if (!this.transport) return Promise.resolve();
    this.running ??= this.sendDue(now()).finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async sendDue(now: number): Promise<void> {
    let due: { centre: string; attempts: number; waiting: number }[];
    try {
      due = await this.store.dueNotifications(now);
    } catch (error) {
      // The database is away; the next run tries again.
      this.log.error(`notifications: store unavailable (${(error as Error).message})`);
      return;
    }
    for (const { centre, attempts, waiting } of due) {
      try {
        await this.transport!.sendMail({ from: this.config.notifyFrom, to: this.config.notifyTo!, subject: notificationSubject, text: notificationText(centre) });
      } catch (error) {
        const pause = Math.min(3600, this.retryBaseSeconds * 2 ** attempts);
        await this.store.notificationFailed(centre, now + pause).catch(() => {});
        this.log.error(`notification failed (${(error as Error).message}); retry in ${pause} s, the message stays stored`);
        continue;
      }
      // The next e-mail for this centre waits RELAY_NOTIFY_MIN_MINUTES, however many messages arrive.
      await this.store.notificationSent(centre, waiting, now, now + this.config.notifyMinIntervalSeconds).catch(() => {});
      this.log.info('notification sent');
    }
  }

  close(): void {
    this.transport?.close();
  }
}
