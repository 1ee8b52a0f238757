/** The blast radius says when its counts cover only the organizations loaded so far. */
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { BlastRadius } from '../../../../renderer/features/sharing/BlastRadius';
import '../helpers/dom';
import { plan } from './fixtures';

describe('BlastRadius', () => {
  it('notes that more may gain the agent when the tree is only partly loaded', () => {
    render(<BlastRadius radius={{ ...plan().blastRadius, partialTree: true }} />);
    const region = screen.getByRole('region', { name: 'Blast radius' });
    expect(region.textContent).toContain(
      'Counted over the organizations loaded so far: more may gain the agent.',
    );
  });

  it('has no such note when every organization was counted', () => {
    render(<BlastRadius radius={plan().blastRadius} />);
    const region = screen.getByRole('region', { name: 'Blast radius' });
    expect(region.textContent).not.toContain('loaded so far');
  });
});
