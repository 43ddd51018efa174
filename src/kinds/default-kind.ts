/** The kind a statement gets when it names none (a module of its own: the command line reads it without loading the kinds). */
export const DEFAULT_KIND = 'press-release';
