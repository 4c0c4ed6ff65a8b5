import { nameTokens } from './name-normalise';

type Token = { plain: string; key: string };

/** One entry of a restricted-party list (CSL, UN, EU, MOFCOM ...). */
export interface ListedParty {
  id: string;
  name: string;
  altNames?: string[];
  /** ISO alpha-2 countries of its addresses. */
  countries?: string[];
  /** List it comes from: SDN, EL, DPL, UVL, MEU ... */
  source: string;
  programs?: string[];
}

export interface ScreenedParty {
  role: string;
  name: string;
  country?: string;
}

export interface ScreeningHit {
  party: ScreenedParty;
  entry: ListedParty;
  /** The entry name (or alias) that matched. */
  matchedName: string;
  /** 0..1, after the country adjustment. */
  score: number;
}

/** A hit at or above this score holds the declaration for an operator. */
export const HIT_THRESHOLD = 0.85;
/** A listed party known in other countries only is less likely the same party. */
const OTHER_COUNTRY = 0.9;

function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  const range = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1);
  const aHit = new Array<boolean>(a.length).fill(false);
  const bHit = new Array<boolean>(b.length).fill(false);
  let matches = 0;
  for (let i = 0; i < a.length; i++) {
    for (let j = Math.max(0, i - range); j < Math.min(b.length, i + range + 1); j++) {
      if (bHit[j] || a[i] !== b[j]) continue;
      aHit[i] = bHit[j] = true;
      matches++;
      break;
    }
  }
  if (matches === 0) return 0;
  let k = 0;
  let transpositions = 0;
  for (let i = 0; i < a.length; i++) {
    if (!aHit[i]) continue;
    while (!bHit[k]) k++;
    if (a[i] !== b[k++]) transpositions++;
  }
  const m = matches;
  const jaro = (m / a.length + m / b.length + (m - transpositions / 2) / m) / 3;
  let prefix = 0;
  while (prefix < 4 && a[prefix] === b[prefix]) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

/** Two words are the same when their skeletons are (a transliteration variant), else as
 *  close as their spellings. */
function wordScore(a: Token, b: Token): number {
  return a.key === b.key ? 1 : jaroWinkler(a.plain, b.plain);
}

/** Each word of `from` against its best partner in `to`, averaged by word length. */
function coverage(from: Token[], to: Token[]): number {
  let total = 0;
  let weight = 0;
  for (const word of from) {
    const best = Math.max(0, ...to.map((other) => wordScore(word, other)));
    total += best * word.plain.length;
    weight += word.plain.length;
  }
  return weight === 0 ? 0 : total / weight;
}

/**
 * Similarity of two names: how well every word of the shorter name is found in the longer one
 * (word order does not matter: Petrov Sergei = Sergei Petrov), less 5% per word the shorter
 * one lacks (a patronymic left out still matches, a common word alone scores less).
 */
export function nameScore(a: string, b: string): number {
  const [short, long] = [nameTokens(a), nameTokens(b)].sort((x, y) => x.length - y.length);
  if (short.length === 0) return 0;
  return coverage(short, long) * (1 - 0.05 * (long.length - short.length));
}

/** Screens one party against a list: every entry scoring at or above the threshold. */
export function screenParty(party: ScreenedParty, list: readonly ListedParty[]): ScreeningHit[] {
  const hits: ScreeningHit[] = [];
  for (const entry of list) {
    let best = { name: entry.name, score: 0 };
    for (const name of [entry.name, ...(entry.altNames ?? [])]) {
      const score = nameScore(party.name, name);
      if (score > best.score) best = { name, score };
    }
    const elsewhere =
      party.country && entry.countries?.length && !entry.countries.includes(party.country);
    const score = Math.round(best.score * (elsewhere ? OTHER_COUNTRY : 1) * 1000) / 1000;
    if (score >= HIT_THRESHOLD) hits.push({ party, entry, matchedName: best.name, score });
  }
  return hits.sort((a, b) => b.score - a.score);
}
