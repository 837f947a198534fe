/**
 * Particles (josa) and the commonest endings a Korean noun carries in running
 * text, longest first. A reader who types "동맹을" means the noun "동맹"; the
 * index holds syllable bigrams (tokens.ts), so the bare noun finds every form
 * ("동맹은", "동맹의", "한미동맹"). No Korean analyzer installs from npm
 * without model files from elsewhere (mecab-ko-dic, Kiwi's models), so this
 * short list, measured by the relevance test set, stands in for one.
 */
const ENDINGS = [
  "에서부터",
  "으로부터",
  "에서는",
  "에서도",
  "에서의",
  "에게서",
  "으로서",
  "으로써",
  "으로는",
  "으로의",
  "이라는",
  "이라고",
  "이었다",
  "이라며",
  "에서",
  "에게",
  "으로",
  "로서",
  "로써",
  "로는",
  "로의",
  "부터",
  "까지",
  "마저",
  "조차",
  "처럼",
  "보다",
  "라는",
  "라고",
  "이나",
  "에는",
  "에도",
  "에의",
  "와의",
  "과의",
  "와는",
  "과는",
  "과도",
  "와도",
  "이며",
  "이고",
  "이다",
  "들의",
  "들은",
  "들이",
  "들을",
  "들과",
  "적인",
  "적으로",
  "하는",
  "하며",
  "하여",
  "했다",
  "한다",
  "하기",
  "해야",
  "되는",
  "된다",
  "했던",
  "들",
  "의",
  "은",
  "는",
  "이",
  "가",
  "을",
  "를",
  "에",
  "와",
  "과",
  "도",
  "만",
  "로",
  "적",
  "한",
  "된",
] as const;

/** At least this many syllables stay: "국가" is not "국" + "가". */
const MIN_STEM = 2;

/** The noun a Hangul word most likely carries, without its particle or ending; the word itself when unsure. */
export function stripKoreanEnding(word: string): string {
  const syllables = [...word];
  for (const ending of ENDINGS) {
    if (!word.endsWith(ending)) continue;
    if (syllables.length - [...ending].length < MIN_STEM) continue;
    return word.slice(0, word.length - ending.length);
  }
  return word;
}
