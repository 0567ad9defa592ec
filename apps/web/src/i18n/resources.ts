import en from './en.json';
import fr from './fr.json';

/** A translation tree: nested objects of strings. */
export type TranslationTree = { [key: string]: string | TranslationTree };

function merge(target: TranslationTree, source: TranslationTree): TranslationTree {
  for (const [key, value] of Object.entries(source)) {
    const current = target[key];
    if (typeof value === 'object' && typeof current === 'object') merge(current, value);
    else target[key] = value;
  }
  return target;
}

/**
 * The shared files (`./fr.json`, `./en.json`) plus each feature's own (`features/<name>/locales/fr.json`
 * and `en.json`), merged: a feature keeps its labels beside its code, errors included (`errors.<code>`).
 */
function build(base: TranslationTree, locale: 'fr' | 'en'): TranslationTree {
  const modules = import.meta.glob<TranslationTree>('../features/*/locales/*.json', { eager: true, import: 'default' });
  const tree = structuredClone(base);
  for (const [path, module] of Object.entries(modules).sort(([a], [b]) => a.localeCompare(b))) {
    if (path.endsWith(`/${locale}.json`)) merge(tree, module);
  }
  return tree;
}

export const translations = { fr: build(fr, 'fr'), en: build(en, 'en') };
