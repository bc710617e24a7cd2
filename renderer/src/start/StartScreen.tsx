import { useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import type { OwnTemplates, RecentFile } from '../../../shared/host/contract';
import { templateFromText, templateThumbnail, type Template } from '../../../shared/templates/gallery';
import { useServices } from '../app/services';
import { newFromTemplate, openRecent } from '../files/file-actions';
import { Modal } from '../ui/Dialogs';
import { builtIn } from './built-in-templates';
import { useTheme, type Theme } from '../theme/theme';
import { setStartScreenAtLaunch, startScreenAtLaunch } from './start-setting';

/**
 * The start screen: the built-in templates (one per workshop concept), the trainer's own, and
 * the recent files. Every card is a button; arrow keys move between cards, Enter starts from one.
 */
export function StartScreen({ onClose }: { onClose: () => void }) {
  const services = useServices();
  const { host, ui } = services;
  const [own, setOwn] = useState<OwnTemplates | null>(null);
  const [recent, setRecent] = useState<RecentFile[]>([]);
  const [atLaunch, setAtLaunch] = useState(startScreenAtLaunch);
  const templates = useMemo(() => builtIn(), []);

  useEffect(() => {
    let live = true;
    void host
      .listOwnTemplates({})
      .then((listed) => live && setOwn(listed))
      .catch(() => undefined);
    void host
      .listRecent({})
      .then((files) => live && setRecent(files))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [host]);

  const ownLoads = useMemo(() => (own?.files ?? []).map((file) => templateFromText(file.name, file.text, 'own')), [own]);
  const ownTemplates = ownLoads.flatMap((load) => (load.ok ? [load.template] : []));
  const ownProblems = [...ownLoads.flatMap((load) => (load.ok ? [] : [load.message])), ...(own?.skipped ?? []).map(skippedMessage)];

  const start = async (template: Template) => {
    onClose();
    await newFromTemplate(services, template.document);
  };
  const addOwn = async () => {
    const result = await host.addOwnTemplates({});
    if (result.status === 'added') setOwn(result.templates);
    else if (result.status === 'error') ui.getState().toast(result.message, 'error');
  };
  const removeOwn = async (name: string | null) => setOwn(await host.removeOwnTemplate({ name }));
  const desktop = host.kind === 'electron';

  return (
    <Modal title="Start a new diagram" onClose={onClose} testId="start-screen" wide>
      <p className="stowage-start__lede">
        Pick a template to start from: each one shows a container concept on AWS, drawn, checked and ready to export.
      </p>
      <section aria-label="Templates">
        <Gallery templates={templates} onPick={(template) => void start(template)} />
      </section>

      <section className="stowage-start__section" aria-labelledby="start-own">
        <header className="stowage-start__heading">
          <h2 id="start-own">Your templates</h2>
          <button type="button" onClick={() => void addOwn()} data-testid="add-own-templates">
            {desktop ? (own?.folder ? 'Choose Another Folder…' : 'Choose Templates Folder…') : 'Import Template…'}
          </button>
          {desktop && own?.folder && (
            <button type="button" onClick={() => void removeOwn(null)}>
              Stop Using Folder
            </button>
          )}
        </header>
        {desktop && own?.folder && <p className="stowage-start__note">From {own.folder}</p>}
        {ownTemplates.length > 0 ? (
          <Gallery
            templates={ownTemplates}
            onPick={(template) => void start(template)}
            onRemove={desktop ? undefined : (template) => void removeOwn(template.id)}
          />
        ) : (
          <p className="stowage-start__note">
            {desktop
              ? 'Choose a folder of .stowage files: they appear here, and files you add to the folder later too.'
              : 'Import .stowage files you prepared: this browser keeps a copy of each for the gallery.'}
          </p>
        )}
        {ownProblems.length > 0 && (
          <ul className="stowage-start__problems" data-testid="own-template-problems">
            {ownProblems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        )}
      </section>

      {recent.length > 0 && (
        <section className="stowage-start__section" aria-labelledby="start-recent">
          <h2 id="start-recent">Recent files</h2>
          <ul className="stowage-start__recent">
            {recent.slice(0, 8).map((file) => (
              <li key={file.path}>
                <button
                  type="button"
                  title={file.path}
                  onClick={() => {
                    onClose();
                    void openRecent(services, file.path);
                  }}
                >
                  {file.name}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}

      <footer>
        <label className="stowage-start__launch">
          <input
            type="checkbox"
            checked={atLaunch}
            onChange={(event) => {
              setAtLaunch(event.target.checked);
              setStartScreenAtLaunch(event.target.checked);
            }}
          />
          Show this when Stowage starts
        </label>
        <span className="spacer" />
        <button type="button" onClick={onClose}>
          Close
        </button>
      </footer>
    </Modal>
  );
}

function skippedMessage(name: string): string {
  return `${name} was left out: it is too large for a template, could not be read, or the gallery is full.`;
}

const thumbnails: Record<Theme, Map<Template, string>> = { light: new Map(), dark: new Map() };

/** The SVG export of the template, in the app's theme, as an image URL: made once per template and theme. */
function thumbnailUrl(template: Template, theme: Theme): string {
  let url = thumbnails[theme].get(template);
  if (!url) {
    url = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(templateThumbnail(template, theme))}`;
    thumbnails[theme].set(template, url);
  }
  return url;
}

function Gallery({
  templates,
  onPick,
  onRemove,
}: {
  templates: readonly Template[];
  onPick: (template: Template) => void;
  onRemove?: (template: Template) => void;
}) {
  const theme = useTheme();
  return (
    <ul className="stowage-gallery" onKeyDown={moveBetweenCards}>
      {templates.map((template, index) => (
        <li key={`${template.source}:${template.id}`} className="stowage-gallery__item">
          <button
            type="button"
            className="stowage-gallery__card"
            data-testid={`template-${template.id}`}
            onClick={() => onPick(template)}
            autoFocus={index === 0 && template.source === 'built-in'}
          >
            <span className="stowage-gallery__thumb">
              {template.document.nodes.length > 0 ? <img src={thumbnailUrl(template, theme)} alt="" /> : <span aria-hidden>+</span>}
            </span>
            <span className="stowage-gallery__title">{template.title}</span>
            <span className="stowage-gallery__description">{template.description}</span>
          </button>
          {onRemove && (
            <button
              type="button"
              className="stowage-gallery__remove"
              aria-label={`Remove ${template.title}`}
              title="Remove from the gallery"
              onClick={() => onRemove(template)}
            >
              ×
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}

/** Arrow keys move the focus between the cards of a gallery, by one card or one row of the grid. */
function moveBetweenCards(event: KeyboardEvent<HTMLUListElement>): void {
  const cards = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('.stowage-gallery__card')];
  const index = cards.indexOf(document.activeElement as HTMLButtonElement);
  if (index < 0) return;
  const columns = getComputedStyle(event.currentTarget).gridTemplateColumns.split(' ').filter(Boolean).length || 1;
  const step = { ArrowRight: 1, ArrowLeft: -1, ArrowDown: columns, ArrowUp: -columns }[event.key];
  if (step === undefined) return;
  event.preventDefault();
  cards[Math.min(cards.length - 1, Math.max(0, index + step))]?.focus();
}
