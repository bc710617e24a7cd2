import { findKind, isNodeOfKind, propsOf } from '../../../catalog';
import type { DiagramNode } from '../../../document/schema';
import { call, expr, newCall, obj } from '../code';
import { defineEmitter } from '../emitter';
import type { FindingNotes } from '../findings';
import { commentId } from '../literal';
import { constructIdBase, variableBase } from '../names';
import { MODULES, type StackBuilder } from '../stack-builder';

/**
 * The ECR repositories the diagram creates, in a stack of their own per Region, so images can be
 * pushed before the services that pull them start. Workload stacks reach them through the
 * repositories stack's public fields.
 */

export interface RepositoriesContext {
  b: StackBuilder;
  /** Field name on the repositories stack, by ECR repository node id (filled in as they are written). */
  fields: Map<string, string>;
  notes: FindingNotes;
}

export const repositoriesEmitter = defineEmitter({
  id: 'repositories',
  stack: 'repositories',
  order: 0,
  kinds: { 'ecr-repository': { creates: ['ecr.Repository'], readme: { counted: true } } },
  emit: emitRepositories,
});

function emitRepositories(ctx: RepositoriesContext, repositories: readonly DiagramNode[]): void {
  const { b: builder, fields, notes } = ctx;
  const ecr = builder.use(MODULES.ecr);
  const cdk = builder.use(MODULES.cdk);
  const byName = new Map<string, { id: string; field: string }>();
  for (const repository of repositories) {
    if (!isNodeOfKind(repository, 'ecr-repository')) continue;
    const settings = propsOf(repository);
    const same = byName.get(settings.repositoryName);
    if (same) {
      // A repository is its name: nodes that share one are the same repository.
      builder.blank();
      builder.comment(`ECR repository ${commentId(repository.id)} has the name of ${commentId(same.id)}: they are one repository.`);
      notes.writeFor(repository.id, builder);
      fields.set(repository.id, same.field);
      continue;
    }
    const field = builder.variables.unique(variableBase(repository.kind, repository.id));
    const constructId = builder.constructIds.unique(constructIdBase(repository.kind, repository.id));
    builder.field(`${field}: ${ecr}.Repository`, `${findKind(repository.kind)?.label ?? 'ECR repository'} ${commentId(repository.id)}.`);
    builder.blank();
    builder.comment(`ECR repository ${commentId(repository.id)}`);
    notes.writeFor(repository.id, builder);
    builder.assign(
      `this.${field}`,
      newCall(
        `${ecr}.Repository`,
        expr('this'),
        constructId,
        obj(
          {
            repositoryName: settings.repositoryName,
            imageTagMutability: expr(`${ecr}.TagMutability.${settings.imageTagMutability}`),
            imageScanOnPush: settings.scanOnPush,
          },
          { expanded: true },
        ),
      ),
    );
    if (repository.label.trim() !== '') {
      builder.usesNameTag = true;
      builder.statement(call('nameTag', expr(`this.${field}`), repository.label));
    }
    builder.statement(
      newCall(
        `${cdk}.CfnOutput`,
        expr('this'),
        builder.constructIds.unique(`${constructId}Uri`),
        obj({ value: expr(`this.${field}.repositoryUri`) }),
      ),
    );
    fields.set(repository.id, field);
    byName.set(settings.repositoryName, { id: repository.id, field });
  }
}
