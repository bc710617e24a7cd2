import { COMMANDS, type CommandDefinition, type CommandId } from '../../../shared/commands/definitions';

/** Behaviour the renderer attaches to a command id from shared/commands/definitions.ts. */
export interface CommandBehaviour {
  run(): void | Promise<void>;
  /** Defaults to always enabled. */
  enabled?(): boolean;
  /** For toggles shown with a check mark (minimap, snap to grid). */
  checked?(): boolean;
  /** A label that depends on state ("Undo Move 3 components"); defaults to the definition's label. */
  label?: () => string;
}

export type Command = CommandDefinition & Omit<CommandBehaviour, 'label'> & { currentLabel?(): string };

/** How commands learn that the document is read-only, and where a refused command is explained. */
export interface ReadOnlyPolicy {
  /** The reason edits are refused right now, or null while the document can be edited. */
  reason(): string | null;
  /** Tells the user why `command` did nothing. */
  refused(command: Command, reason: string): void;
}

/**
 * The one list of commands that menus, keyboard shortcuts, the context menu and the toolbar
 * share. Definitions come from shared/; behaviours are registered here by id, and a command
 * without a behaviour is a programming error caught at start-up.
 */
export class CommandRegistry {
  private readonly commands = new Map<string, Command>();
  private readonly listeners = new Set<(id: string) => void>();

  constructor(
    behaviours: Record<CommandId, CommandBehaviour>,
    private readonly readOnly: ReadOnlyPolicy = { reason: () => null, refused: () => undefined },
    /**
     * Where a command that fails is told. Menus, keys and the toolbar start commands without
     * waiting for them, so run() never rejects: a failure (a save the host refused) reaches the user here.
     */
    private readonly failed: (command: Command, error: unknown) => void = (_command, error) => console.error(error),
  ) {
    for (const definition of COMMANDS) {
      const behaviour = behaviours[definition.id];
      if (!behaviour) throw new Error(`Command ${definition.id} has no behaviour`);
      const { label: currentLabel, ...rest } = behaviour;
      this.commands.set(definition.id, { ...definition, ...rest, ...(currentLabel ? { currentLabel } : {}) });
    }
  }

  get(id: string): Command | undefined {
    return this.commands.get(id);
  }

  all(): Command[] {
    return [...this.commands.values()];
  }

  isEnabled(id: string): boolean {
    const command = this.commands.get(id);
    return command !== undefined && this.available(command);
  }

  /** Why the command is off although it would otherwise run: the document is read-only and the command is not one that leaves it alone. */
  blockedReason(id: string): string | null {
    const command = this.commands.get(id);
    return command && !command.availableReadOnly ? this.readOnly.reason() : null;
  }

  private available(command: Command): boolean {
    if (!command.availableReadOnly && this.readOnly.reason() !== null) return false;
    return command.enabled?.() ?? true;
  }

  /** What menus show now: the state-dependent label when the command has one. */
  labelOf(id: string): string {
    const command = this.commands.get(id);
    return command?.currentLabel?.() ?? command?.label ?? id;
  }

  /** Commands whose label currently differs from their definition's, for the native menu. */
  changedLabels(): { id: string; label: string }[] {
    return this.all().flatMap((command) => {
      const label = command.currentLabel?.();
      return label !== undefined && label !== command.label ? [{ id: command.id, label }] : [];
    });
  }

  isChecked(id: string): boolean {
    return this.commands.get(id)?.checked?.() ?? false;
  }

  /** Runs a command if it is enabled; one that a read-only document blocks says why instead. Never rejects (see `failed`). */
  async run(id: string): Promise<boolean> {
    const command = this.commands.get(id);
    if (!command) return false;
    const blocked = this.blockedReason(id);
    if (blocked !== null) {
      this.readOnly.refused(command, blocked);
      return false;
    }
    if (!this.available(command)) return false;
    try {
      for (const listener of this.listeners) listener(id);
      await command.run();
      return true;
    } catch (error) {
      this.failed(command, error);
      return false;
    }
  }

  /** Called before every command runs (closing menus, telemetry-free status updates). */
  onRun(listener: (id: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  enabledIds(): string[] {
    return this.all()
      .filter((command) => this.available(command))
      .map((command) => command.id);
  }
}
