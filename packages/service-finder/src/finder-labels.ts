/**
 * The finder's text tables (what a topic, a channel and a filter are called) and its number,
 * date, language and list formats. Every name goes through msg(); the functions are called
 * while the element renders, so they speak its language.
 */
import { msg } from '@lit/localize';
import { withLocale } from '@wegweiser/core';
import { topics, type Channel, type Topic } from './model.js';
import type { Flag } from './search-choices.js';

export function topicLabels(): Record<Topic, string> {
  return {
    money: msg('Money and benefits'),
    debt: msg('Debt advice'),
    housing: msg('Housing'),
    health: msg('Health and health insurance'),
    psychological: msg('Psychological support'),
    addiction: msg('Addiction'),
    'residence-legal': msg('Residence and legal advice'),
    job: msg('Job and training'),
    'language-courses': msg('Language courses'),
    outreach: msg('Streetwork'),
    trafficking: msg('Human trafficking'),
    violence: msg('Violence'),
    minors: msg('Under 18'),
    family: msg('Children and family'),
  };
}

export function channelLabels(): Record<Channel, string> {
  return {
    'walk-in': msg('Walk-in'),
    phone: msg('Phone'),
    chat: msg('Chat'),
    email: msg('E-mail'),
    streetwork: msg('Streetwork'),
  };
}

export function flagLabels(): Record<Flag, string> {
  return {
    anonymous: msg('Anonymous'),
    free: msg('Free of charge'),
    stepFree: msg('Step-free access'),
    openNow: msg('Open now'),
    responsible: msg('Responsible for my postcode'),
  };
}

/** Every topic's name in English and in `locale`, for the text search. */
export function topicWords(locale: string): Partial<Record<Topic, string>> {
  const words: Partial<Record<Topic, string>> = {};
  for (const wordsLocale of new Set(['en', locale])) {
    const labels = withLocale(wordsLocale, () => topicLabels());
    for (const topic of topics) words[topic] = `${words[topic] ?? ''} ${labels[topic]}`;
  }
  return words;
}

/** Intl objects are slow to create and the results list needs several per centre: one set per locale. */
const formatterCache = new Map<string, ReturnType<typeof createFormatters>>();

function createFormatters(locale: string) {
  return {
    languages: new Intl.DisplayNames([locale], { type: 'language', fallback: 'code' }),
    list: new Intl.ListFormat(locale, { type: 'conjunction' }),
    date: new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }),
    km: new Intl.NumberFormat(locale, { style: 'unit', unit: 'kilometer', maximumFractionDigits: 1 }),
  };
}

export function formatters(locale: string): ReturnType<typeof createFormatters> {
  let cached = formatterCache.get(locale);
  if (!cached) {
    cached = createFormatters(locale);
    formatterCache.set(locale, cached);
  }
  return cached;
}

/** A distance; tenths only below 10 km, where they matter. */
export function formatKm(locale: string, km: number): string {
  return formatters(locale).km.format(km < 10 ? km : Math.round(km));
}
