/**
 * Name normalisation for restricted-party screening: one Latin form whatever script or
 * transliteration a name was written in, so that Сергей Петров, Sergey Petrov and Sergei
 * Petrov meet.
 */
const CYRILLIC: Readonly<Record<string, string>> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'i',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
};

const LETTERS: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  ø: 'o',
  œ: 'oe',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};

/** Legal forms and filler words that say nothing about who a party is. */
const NOISE = new Set(
  (
    'co company corp corporation inc incorporated ltd limited llc plc gmbh ag sa sarl bv nv ' +
    'oy ab as spa srl kk pte pty jsc pjsc ojsc ooo ao zao fze fzco the and of group holding holdings'
  ).split(' '),
);

/**
 * Spelling variants transliterations produce (kh/h, ph/f, y/i, doubled letters, inner vowels,
 * the Arabic article al-): reduced to one consonant skeleton per word.
 */
function skeleton(word: string): string {
  return (
    word
      .replace(/^al(?=[a-z]{3})/, '')
      .replace(/kh/g, 'h')
      .replace(/ph/g, 'f')
      .replace(/ck|q|c(?=[aou])/g, 'k')
      .replace(/x/g, 'ks')
      .replace(/w/g, 'v')
      .replace(/j/g, 'i')
      .replace(/y/g, 'i')
      .replace(/ou|oo/g, 'u')
      .replace(/ee|ie/g, 'i')
      .replace(/(.)\1+/g, '$1')
      // Vowels are what transliterations disagree on most (Mohammed / Muhammad): keep only a
      // leading one.
      .replace(/(?!^)[aeiou]/g, '')
  );
}

/** Words of a name in plain lower-case Latin, legal forms removed. */
export function nameWords(name: string): string[] {
  const latin = [...name.toLowerCase()]
    .map((ch) => CYRILLIC[ch] ?? LETTERS[ch] ?? ch)
    .join('')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '');
  return latin.split(/[^a-z0-9]+/).filter((w) => w.length > 0 && !NOISE.has(w));
}

/** The transliteration-insensitive skeletons of a name's words. */
export function nameKey(name: string): string[] {
  return nameWords(name)
    .map(skeleton)
    .filter((w) => w.length > 0);
}

/** A name's words, each plain and as its skeleton. */
export function nameTokens(name: string): Array<{ plain: string; key: string }> {
  return nameWords(name)
    .map((plain) => ({ plain, key: skeleton(plain) }))
    .filter((t) => t.key.length > 0);
}
