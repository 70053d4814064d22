/** A small planted corpus: papers on `topics` topics, each topic with its own words and concepts, plus shared ones. */
import type { Concept, Mention, Paper } from '../../src/core/types.ts';
import { createRandom } from '../../src/core/random.ts';

const TOPICS = [
  { words: ['reward', 'preference', 'human', 'feedback', 'annotation', 'pairwise', 'ranking'], concepts: ['reward-model', 'rlhf', 'preference-data', 'bradley-terry'] },
  { words: ['clinical', 'medical', 'diagnosis', 'patient', 'radiology', 'hospital', 'disease'], concepts: ['medical-qa', 'clinical-reasoning', 'radiology-report', 'ehr'] },
  { words: ['game', 'agent', 'visual', 'player', 'screen', 'action', 'puzzle'], concepts: ['vlm', 'game-agent', 'visual-grounding', 'atari'] },
  { words: ['expert', 'routing', 'sparse', 'mixture', 'gating', 'capacity', 'load'], concepts: ['moe', 'expert-routing', 'load-balancing', 'sparse-gating'] },
];
const SHARED = { words: ['language', 'model', 'large', 'training', 'benchmark', 'learning'], concepts: ['llm', 'reinforcement-learning'] };

export function fixtureCorpus(perTopic = 15, topics = 4, seed = 3): { papers: Paper[]; concepts: Concept[]; mentions: Mention[]; truth: Map<string, number> } {
  const random = createRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const papers: Paper[] = [];
  const mentions: Mention[] = [];
  const truth = new Map<string, number>();
  const conceptPapers = new Map<string, number>();
  for (let t = 0; t < topics; t++) {
    const topic = TOPICS[t % TOPICS.length];
    if (!topic) continue;
    for (let p = 0; p < perTopic; p++) {
      const id = t === 0 && p === 0 ? 'title:__proto__' : `25${String(t).padStart(2, '0')}.${String(p).padStart(5, '0')}`;
      const words = Array.from({ length: 40 }, () => (random() < 0.7 ? pick(topic.words) : pick(SHARED.words)));
      papers.push({
        id,
        version: 1,
        title: `${pick(topic.words)} ${pick(topic.words)} for ${pick(SHARED.words)}`,
        month: `2025-0${1 + (p % 9)}`,
        paperUrl: '',
        codeUrl: '',
        abstract: p === perTopic - 1 ? '' : words.join(' '),
        notes: [],
        anchor: '',
        sources: [{ file: `topic-${t}.md`, line: p + 1 }],
        categories: [],
      });
      truth.set(id, t);
      // The last paper of each topic has no concept at all: it must still get a theme, flagged weak.
      if (p === perTopic - 1) continue;
      const chosen = new Set<string>();
      for (let c = 0; c < 3; c++) chosen.add(random() < 0.8 ? pick(topic.concepts) : pick(SHARED.concepts));
      for (const conceptId of chosen) {
        mentions.push({ paperId: id, conceptId, count: 1 + Math.floor(random() * 3), score: 1, inTitle: false, forms: [conceptId], evidence: [] });
        conceptPapers.set(conceptId, (conceptPapers.get(conceptId) ?? 0) + 1);
      }
    }
  }
  const concepts: Concept[] = [...conceptPapers.entries()].sort().map(([id, count]) => ({
    id,
    label: id.replace(/-/g, ' '),
    type: 'method',
    aliases: [],
    labelsZh: [],
    parent: null,
    origin: 'lexicon',
    papers: count,
    mentions: count,
    firstMonth: '2025-01',
  }));
  return { papers, concepts, mentions, truth };
}
