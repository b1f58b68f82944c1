const greetings = [
  'hallo',
  'hoi',
  'hai',
  'hey',
  'hi',
  'hello',
  'dag',
  'goeiedag',
  'goedendag',
  'goedemorgen',
  'goedemiddag',
  'goedenavond',
  'good morning',
  'good afternoon',
  'good evening',
].map((g) => g.split(' '));

/** Words that may follow a greeting ("hallo Zaakwerk", "hoi bot") without making it another question. */
const maxTrailingWords = 2;

/**
 * Whether a chat message is a greeting: "Hallo", "goedemorgen!", "Hi Zaakwerk". Case, punctuation and
 * emoji do not matter; a greeting followed by a real question ("hallo, waar is zaak 12?") is not one.
 */
export function isGreeting(text: string | undefined): boolean {
  const words = (text ?? '')
    .toLowerCase()
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .split(/\s+/)
    .filter((w) => w !== '');
  return greetings.some(
    (greeting) => greeting.every((word, i) => words[i] === word) && words.length - greeting.length <= maxTrailingWords,
  );
}
