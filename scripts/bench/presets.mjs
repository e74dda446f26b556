// The labels the import dialog shows for each preset id (src/ingest/presets.ts), so `--preset NAME`
// can be checked against what the app recognised without importing app code.

/** Preset id → label shown after "Recognised: " in the dialog's data-testid="preset" element. */
const PRESET_LABELS = {
  rees46: 'REES46 events',
  'online-retail': 'UCI Online Retail',
  retailrocket: 'RetailRocket events',
  otto: 'OTTO sessions',
  ga4: 'Google Analytics 4 export',
  shopify: 'Shopify orders export',
  taobao: 'Taobao UserBehavior',
};

/** What the dialog shows when no preset matched and the best guess applies. */
const GUESS_TEXT = 'Best guess: please check the columns';

/** The dialog text expected for `--preset NAME` (`guess` for the best guess); throws on an unknown name. */
export function expectedPresetText(name) {
  if (name === 'guess') return GUESS_TEXT;
  const label = PRESET_LABELS[name];
  if (!label) throw new Error(`unknown --preset ${name}; known: ${[...Object.keys(PRESET_LABELS), 'guess'].join(', ')}`);
  return `Recognised: ${label}`;
}
