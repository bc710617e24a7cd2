// A local ESLint rule (eslint.config.js): reading a node's or an edge's props by name goes
// through the kind's schema type (`propsOf(node).cpu`, `edgePropsOf(edge, …)`), never through
// the document's untyped `Record<string, unknown>` (`node.props.cpu`), which the compiler
// cannot check against the kind: a misspelt or renamed field would read `undefined` silently.
import ts from 'typescript';

/** Whether a type is a bag of unknown values by string key, with no field of this name declared. */
function isUntypedBag(type, name) {
  if (type.getProperty(name)) return false;
  const values = type.getStringIndexType();
  return values !== undefined && (values.flags & (ts.TypeFlags.Unknown | ts.TypeFlags.Any)) !== 0;
}

/** `x.props` or a variable named `props`. */
function isProps(node) {
  if (node.type === 'Identifier') return node.name === 'props';
  return node.type === 'MemberExpression' && !node.computed && node.property.type === 'Identifier' && node.property.name === 'props';
}

/** @type {import('eslint').Rule.RuleModule} */
export const noUntypedProps = {
  meta: {
    type: 'problem',
    docs: { description: 'Read props by name through the kind’s schema type (propsOf, edgePropsOf), not an untyped record.' },
    messages: {
      untyped:
        'props.{{name}} is read from an untyped record, which the compiler cannot check against the kind. Read it typed: propsOf(node).{{name}} (narrow the node with isNodeOfKind or a trait helper), or edgePropsOf(edge, source, relation).{{name}}.',
    },
    schema: [],
  },
  create(context) {
    const services = context.sourceCode.parserServices;
    if (!services?.program) return {};
    const checker = services.program.getTypeChecker();
    return {
      MemberExpression(node) {
        if (!isProps(node.object)) return;
        // A key computed at run time is generic code by nature (a form over a schema's fields, a field a trait names).
        if (node.computed && !(node.property.type === 'Literal' && typeof node.property.value === 'string')) return;
        if (node.parent.type === 'AssignmentExpression' && node.parent.left === node) return;
        const name = node.computed ? node.property.value : node.property.name;
        const type = checker.getTypeAtLocation(services.esTreeNodeToTSNodeMap.get(node.object));
        if (isUntypedBag(type, name)) context.report({ node, messageId: 'untyped', data: { name } });
      },
    };
  },
};
