import { COMMANDS, type CommandDefinition, type CommandId } from '../../../shared/commands/definitions';

/** Behaviour the renderer attaches to a command id from shared/commands/definitions.ts. */
export interface CommandBehaviour {
  run(): void | Promise<void>;
  /** Defaults to always enabled. */
  enabled?(): boolean;
  /** For toggles shown with a check mark (minimap, snap to grid). */
  checked?(): boolean;
}

export type Command = CommandDefinition & CommandBehaviour;

/**
 * The one list of commands that menus, keyboard shortcuts, the context menu and the toolbar
 * share. Definitions come from shared/; behaviours are registered here by id, and a command
 * without a behaviour is a programming error caught at start-up.
 */
export class CommandRegistry {
  private readonly commands = new Map<string, Command>();
  private readonly listeners = new Set<(id: string) => void>();

  constructor(behaviours: Record<CommandId, CommandBehaviour>) {
    for (const definition of COMMANDS) {
      const behaviour = behaviours[definition.id];
      if (!behaviour) throw new Error(`Command ${definition.id} has no behaviour`);
      this.commands.set(definition.id, { ...definition, ...behaviour });
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
    return command !== undefined && (command.enabled?.() ?? true);
  }

  isChecked(id: string): boolean {
    return this.commands.get(id)?.checked?.() ?? false;
  }

  /** Runs a command if it is enabled. Errors are reported by the caller-provided handler. */
  async run(id: string): Promise<boolean> {
    const command = this.commands.get(id);
    if (!command || !(command.enabled?.() ?? true)) return false;
    for (const listener of this.listeners) listener(id);
    await command.run();
    return true;
  }

  /** Called before every command runs (closing menus, telemetry-free status updates). */
  onRun(listener: (id: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  enabledIds(): string[] {
    return this.all()
      .filter((command) => command.enabled?.() ?? true)
      .map((command) => command.id);
  }
}
