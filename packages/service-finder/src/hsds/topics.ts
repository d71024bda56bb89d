/**
 * What a centre offers, from the taxonomy terms and attributes of the service, the service at this
 * location and the location: topics, target groups, anonymous, free of charge; failing terms, the
 * topics from the service's name, then the fallback topics. Keywords (documented in the package
 * README) are matched against folded text (text.ts: case, diacritics, ä/ae, ß/ss), at the start of a word.
 */
import type { TargetGroup, Topic } from '../model.js';
import { fold } from '../text.js';
import { isEmpty, type ImportContext, type InputNode } from './reader.js';

/** Taxonomy terms (and, failing those, the service name) to topics. German and English. */
export const topicKeywords: Readonly<Record<Topic, readonly string[]>> = {
  money: ['existenzsicherung', 'sozialleistung', 'burgergeld', 'grundsicherung', 'sozialhilfe', 'finanz', 'geld', 'benefit', 'welfare', 'income', 'financial', 'money'],
  debt: ['schulden', 'schuldner', 'insolvenz', 'debt'],
  housing: ['wohn', 'obdach', 'unterkunft', 'notunterkunft', 'housing', 'shelter', 'homeless', 'accommodation'],
  health: ['gesundheit', 'krankenversicherung', 'medizin', 'arzt', 'sti ', 'hiv ', 'health', 'medical', 'sexual health'],
  psychological: ['psycho', 'seelisch', 'trauma', 'mental health', 'counselling psych'],
  addiction: ['sucht', 'drogen', 'alkohol', 'addiction', 'substance', 'drug', 'alcohol'],
  'residence-legal': ['aufenthalt', 'auslanderrecht', 'asyl', 'rechtsberatung', 'rechtliche', 'legal', 'immigration', 'residence', 'asylum'],
  job: ['beruf', 'arbeit', 'ausbildung', 'qualifizierung', 'umstieg', 'ausstieg', 'job ', 'jobs ', 'employment', 'training', 'career', 'vocational'],
  'language-courses': ['sprachkurs', 'deutschkurs', 'integrationskurs', 'language course', 'language class', 'esol'],
  outreach: ['streetwork', 'aufsuchend', 'outreach'],
  trafficking: ['menschenhandel', 'ausbeutung', 'trafficking', 'exploitation'],
  violence: ['gewalt', 'violence', 'abuse', 'domestic'],
  minors: ['minderjahrig', 'jugend', 'kinder', 'minor', 'youth', 'child'],
  family: ['familie', 'schwanger', 'eltern', 'family', 'pregnan', 'parent'],
};

/** Taxonomy terms to target groups. */
export const targetGroupKeywords: Readonly<Record<TargetGroup, readonly string[]>> = {
  women: ['frauen', 'women '],
  men: ['manner', 'men '],
  'trans-nonbinary': ['trans ', 'transgender', 'trans*', 'nonbinar', 'non binar', 'nicht binar', 'queer'],
  'young-people': ['junge menschen', 'jugendliche', 'young people', 'young adult'],
  migrants: ['migrant', 'gefluchtet', 'fluchtling', 'refugee', 'zugewandert'],
  parents: ['eltern', 'mutter', 'vater', 'parents', 'mother', 'father'],
};

const anonymousKeywords = ['anonym'];
const freeKeywords = ['kostenlos', 'kostenfrei', 'gebuhrenfrei', 'unentgeltlich', 'gratis', 'free of charge', 'no charge', 'no cost', 'free '];

/** Whether a keyword starts a word of `text` (both folded); a keyword ending in a space must be the whole word. */
function matches(text: string, keywords: readonly string[]): boolean {
  const folded = ` ${fold(text).replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
  return keywords.some((keyword) => folded.includes(` ${fold(keyword)}`));
}

export interface Offer {
  topics: Set<Topic>;
  targetGroups: Set<TargetGroup>;
  anonymous: boolean | undefined;
  free: boolean | undefined;
}

/** Reads the attributes' terms into `offer`; marks the fields of each attribute that said something. */
function readAttributes(attributes: InputNode[], offer: Offer, ctx: ImportContext): void {
  const { r } = ctx;
  for (const attribute of attributes) {
    const [term] = r.kids(attribute, 'taxonomy_term');
    const words = [term && r.peek(term, 'name'), term && r.peek(term, 'code'), r.peek(attribute, 'label'), r.peek(attribute, 'value')]
      .filter((word): word is string => Boolean(word))
      .join(' ');
    let used = false;
    for (const [topic, keywords] of Object.entries(topicKeywords) as [Topic, readonly string[]][]) {
      if (matches(words, keywords)) {
        offer.topics.add(topic);
        used = true;
      }
    }
    for (const [group, keywords] of Object.entries(targetGroupKeywords) as [TargetGroup, readonly string[]][]) {
      if (matches(words, keywords)) {
        offer.targetGroups.add(group);
        used = true;
      }
    }
    if (matches(words, anonymousKeywords)) {
      offer.anonymous = true;
      used = true;
    }
    if (matches(words, freeKeywords)) {
      offer.free = true;
      used = true;
    }
    if (!used) continue;
    if (term) for (const key of ['name', 'code']) if (r.peek(term, key)) r.mark(term, key);
    for (const key of ['label', 'value']) if (r.peek(attribute, key)) r.mark(attribute, key);
    for (const key of ['link_type', 'link_entity']) if (r.peek(attribute, key)) r.mark(attribute, key);
    if (term) for (const key of ['taxonomy', 'language', 'term_uri', 'description', 'parent_id']) if (!isEmpty(term.obj[key])) r.mark(term, key);
  }
}

/** Free of charge, from the fees' description or a cost option of 0 without conditions. */
function readCosts(service: InputNode, offer: Offer, ctx: ImportContext): void {
  const { r } = ctx;
  const fees = r.peek(service, 'fees_description');
  if (fees && matches(fees, freeKeywords) && !/\d/.test(fees)) {
    offer.free = true;
    r.mark(service, 'fees_description');
  }
  for (const costOption of r.kids(service, 'cost_options')) {
    if (costOption.obj['amount'] === 0 && isEmpty(costOption.obj['option'])) {
      offer.free = true;
      r.mark(costOption, 'amount');
      if (!isEmpty(costOption.obj['currency'])) r.mark(costOption, 'currency');
    }
  }
}

/** The centre's offer, or undefined when no topic can be found (the service is then skipped). */
export function offerOf(
  service: InputNode,
  serviceAtLocation: InputNode | undefined,
  location: InputNode | undefined,
  serviceName: string,
  ctx: ImportContext,
): Offer | undefined {
  const { r, options } = ctx;
  const offer: Offer = { topics: new Set(), targetGroups: new Set(), anonymous: undefined, free: undefined };
  const attributes = [...r.kids(service, 'attributes'), ...(serviceAtLocation ? r.kids(serviceAtLocation, 'attributes') : []), ...(location ? r.kids(location, 'attributes') : [])];
  readAttributes(attributes, offer, ctx);
  const { topics } = offer;
  if (!topics.size) {
    for (const [topic, keywords] of Object.entries(topicKeywords) as [Topic, readonly string[]][]) if (matches(serviceName, keywords)) topics.add(topic);
    if (topics.size) r.problem(service.path, `topics taken from the name: ${[...topics].join(', ')}`);
  }
  if (!topics.size && options.fallbackTopics?.length) {
    for (const topic of options.fallbackTopics) topics.add(topic);
    r.problem(service.path, `no topic in the taxonomy terms or the name; given the fallback topics ${options.fallbackTopics.join(', ')}`);
  }
  if (!topics.size) {
    r.problem(service.path, 'no topic could be derived from the taxonomy terms or the name; skipped (give fallback topics to import it)');
    return undefined;
  }
  readCosts(service, offer, ctx);
  return offer;
}
