/**
 * Shared test set-up. Pane tests wait for what a clerk would see; on a loaded 2-core CI machine reading the sample
 * in jsdom can take seconds, so waiting is bounded by the test's own timeout rather than Testing Library's 1 s.
 */
import { configure } from '@testing-library/dom';

configure({ asyncUtilTimeout: 30000 });
