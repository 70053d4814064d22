import { describe, expect, it } from 'vitest';
import { differingWindow } from '../../src/ingest/differing-window.ts';

describe('differingWindow', () => {
  it('shows where two readings differ, with context and ellipses', () => {
    expect(differingWindow('在计算机使用代理训练与规模实验的瓶颈', '在计算机使用代理训练中规模实验的瓶颈', 2)).toEqual(['…训练与规模…', '…训练中规模…']);
  });

  it('keeps short readings whole and counts emoji as one character', () => {
    expect(differingWindow('🌟与', '🌟中')).toEqual(['🌟与', '🌟中']);
    expect(differingWindow('same', 'same')).toEqual(['same', 'same']);
  });
});
