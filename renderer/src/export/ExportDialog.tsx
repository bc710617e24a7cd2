import { useState } from 'react';
import { Modal } from '../ui/Dialogs';
import { CdkExport } from './CdkExport';
import { ImageExport } from './ImageExport';

/** File ▸ Export…: images (SVG, PNG) and the CDK app, each with a live preview. */
export function ExportDialog({ initialTab, onClose }: { initialTab: 'image' | 'cdk'; onClose: () => void }) {
  const [tab, setTab] = useState(initialTab);
  return (
    <Modal title="Export" onClose={onClose} testId="export-dialog" wide>
      <div className="stowage-tabs" role="tablist">
        <button
          type="button"
          role="tab"
          aria-selected={tab === 'image'}
          className={tab === 'image' ? 'is-active' : ''}
          onClick={() => setTab('image')}
        >
          Image (PNG, SVG)
        </button>
        <button
          type="button"
          role="tab"
          aria-selected={tab === 'cdk'}
          className={tab === 'cdk' ? 'is-active' : ''}
          onClick={() => setTab('cdk')}
        >
          AWS CDK app
        </button>
      </div>
      {tab === 'image' ? <ImageExport onDone={onClose} /> : <CdkExport onDone={onClose} />}
    </Modal>
  );
}
