/**
 * Words and phrases that are never concepts on their own: the vocabulary of academic writing ("proposed
 * method", "extensive experiments", "state of the art") rather than of a field. Lists follow the academic
 * word lists used to clean keyphrase candidates (Coxhead 2000's AWL; the "general words" filters of
 * KEA / VOSviewer's relevance step) and are checked on lookup keys (lowercase, singular, American).
 */

/** Heads that make a phrase generic when every other word is generic too ("the proposed framework"). */
export const GENERIC_HEADS: ReadonlySet<string> = new Set(
  ('approach method methodology framework technique strategy scheme procedure solution system pipeline paradigm algorithm model ' +
    'result finding performance efficiency effectiveness accuracy quality improvement gain advantage benefit outcome impact effect ' +
    'experiment evaluation study analysis investigation work paper article research literature survey review overview ' +
    'problem challenge issue limitation drawback difficulty question aspect factor component module part element feature property ' +
    'ability capability capacity potential power way manner fashion form kind type variety number amount set range level degree ' +
    'baseline benchmark dataset data task setting scenario case example instance application domain area field scope context ' +
    'state art insight understanding evidence observation perspective view idea concept notion principle theory design ' +
    'process stage step phase version variant extension alternative counterpart direction trend progress advance advancement ' +
    'development contribution innovation attention interest focus role need importance value gap lack use usage term time ' +
    'improvement enhancement increase decrease reduction rate ratio score metric measure point thing one lot end top fact detail ' +
    'mechanism strength weakness success failure goal objective purpose aim target requirement condition situation environment ' +
    'implementation code project platform tool toolkit resource release cost overhead size scale amount magnitude order ' +
    'behavior pattern characteristic nature structure space time period year day').split(' '),
);

/** Modifiers stripped from the front of a candidate ("novel", "extensive", "state-of-the-art"). */
export const GENERIC_MODIFIERS: ReadonlySet<string> = new Set(
  ('novel new proposed existing current recent prior previous various different diverse several multiple many numerous extensive ' +
    'comprehensive thorough systematic simple effective strong significant substantial considerable remarkable ' +
    'promising competitive superior better best good great notable impressive consistent overall key main major primary principal ' +
    'critical crucial important essential fundamental central core basic standard traditional conventional typical popular common ' +
    'general specific particular certain further additional extra final initial original whole entire full total real actual ' +
    'practical powerful scalable flexible versatile unified generic general-purpose simple lightweight state-of-the-art sota ' +
    'high-quality challenging difficult complex complicated wide broad large-scale small-scale empirical theoretical experimental ' +
    'extensive rigorous careful detailed deep in-depth first second third last latest modern advanced emerging widespread ' +
    'underlying inherent potential possible available same similar other such own corresponding respective relevant related ' +
    'several superior limited poor suboptimal significant stable open-source closed-source proprietary text-only frontier leading ' +
    'mainstream vanilla naive naïve off-the-shelf well-known well-established widely-used so-called above-mentioned aforementioned ' +
    'respective unseen seen holistic principled larger smaller stronger weaker higher lower better worse longer shorter faster ' +
    'slower greater fewer simpler harder easier sufficient correct incorrect explicit real-world base task-specific ground-truth given ' +
    'appropriate proper suitable desired desirable favorable ideal rapid ongoing').split(' '),
);

/** Whole phrases that are generic however they are written. */
export const GENERIC_PHRASES: ReadonlySet<string> = new Set([
  'state of the art', 'state-of-the-art', 'art', 'extensive experiment', 'proposed method', 'experimental result', 'empirical result',
  'large margin', 'wide range', 'wide variety', 'broad range', 'future work', 'future research', 'open problem', 'open question',
  'case study', 'ablation study', 'key insight', 'key challenge', 'main contribution', 'code', 'source code', 'github', 'paper',
  'real world', 'real-world', 'real world application', 'downstream task', 'downstream performance', 'strong performance',
  'superior performance', 'competitive performance', 'significant improvement', 'substantial improvement', 'performance gain',
  'training process', 'training data', 'training dynamic', 'training cost', 'computational cost', 'computational overhead',
  'inference cost', 'human', 'human expert', 'recent advance', 'recent work', 'recent study', 'recent year', 'prior work',
  'previous work', 'existing method', 'existing approach', 'baseline method', 'new paradigm', 'theoretical analysis',
  'theoretical guarantee', 'empirical evidence', 'empirical study', 'empirical analysis', 'systematic study', 'systematic analysis',
  'comprehensive evaluation', 'comprehensive analysis', 'extensive evaluation', 'extensive analysis', 'new state', 'new benchmark',
  'average', 'average improvement', 'absolute improvement', 'relative improvement', 'point', 'percentage point', 'order of magnitude',
  'sota', 'open source', 'open-source', 'trade off', 'tradeoff', 'ablation', 'ablation experiment', 'state-of-the-art method',
  'state of the art performance', 'state of the art result', 'et al', 'arxiv', 'preprint', 'table', 'figure', 'section', 'appendix', 'x', 'we', 'way', 'lot', 'number', 'variety',
]);

/** Heads that make any phrase generic, whatever modifies them ("intuitive way", "low cost", "technical report"). */
export const EMPTY_HEADS: ReadonlySet<string> = new Set(
  ('way manner fashion lot kind type sort number amount variety range report aspect fact thing matter instance example ' +
    'case year day paper work study effort attempt place point part lack need importance role interest attention ' +
    'success advantage benefit drawback shortcoming insight finding result outcome observation effectiveness stage answer').split(' '),
);

export function isGenericWord(key: string): boolean {
  return GENERIC_HEADS.has(key) || GENERIC_MODIFIERS.has(key);
}
