import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { documentPathsFromArgv, OpenRequestQueue } from './open-requests';

describe('documentPathsFromArgv', () => {
  it('keeps only .stowage paths, resolved against the working directory', () => {
    const argv = [
      '/opt/Stowage/stowage',
      '--no-sandbox',
      'out/main/index.js',
      'designs/a.stowage',
      '/abs/B.STOWAGE',
      'notes.txt',
      '--flag=x.stowage',
      '.',
    ];
    expect(documentPathsFromArgv(argv, '/home/ada')).toEqual([join('/home/ada', 'designs/a.stowage'), '/abs/B.STOWAGE']);
  });

  it('never takes the executable itself', () => {
    expect(documentPathsFromArgv(['/weird/app.stowage'], '/')).toEqual([]);
  });
});

describe('OpenRequestQueue', () => {
  it('holds requests until the renderer is ready, then delivers them in order without duplicates', () => {
    const deliver = vi.fn();
    const queue = new OpenRequestQueue(deliver);
    queue.request('/a.stowage');
    queue.request('/b.stowage');
    queue.request('/a.stowage');
    expect(deliver).not.toHaveBeenCalled();
    queue.markReady();
    expect(deliver.mock.calls).toEqual([['/a.stowage'], ['/b.stowage']]);
    queue.request('/c.stowage');
    expect(deliver).toHaveBeenLastCalledWith('/c.stowage');
    queue.markNotReady();
    queue.request('/d.stowage');
    expect(deliver).toHaveBeenCalledTimes(3);
  });
});
