/**
 * A construct the plan decides the generated code creates (a listener, a target group, an Auto
 * Scaling group …). Emitters that write one record the variable it got; emitters that refer to
 * one ask for it, and are told clearly when they run before the statement that declares it.
 */
export interface Construct {
  /** What it is, for error messages: "listener 443 of n-alb". */
  readonly description: string;
}

export function construct(description: string): Construct {
  return { description };
}

/** The variables generated code has declared for the planned constructs of one stack file. */
export class Declarations {
  private readonly variables = new Map<Construct, string>();

  /** Records the variable of `construct`, which the statement just written declared. */
  declare(construct: Construct, variable: string): string {
    if (this.variables.has(construct)) throw new Error(`${construct.description} is declared twice.`);
    this.variables.set(construct, variable);
    return variable;
  }

  /** The variable of `construct`; an error when no statement has declared it yet. */
  variable(construct: Construct): string {
    const variable = this.variables.get(construct);
    if (variable === undefined) {
      throw new Error(`${construct.description} is used before the statement that declares it: the emitters run out of order.`);
    }
    return variable;
  }

  has(construct: Construct): boolean {
    return this.variables.has(construct);
  }
}
