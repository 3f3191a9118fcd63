import { Type } from 'typebox';

/** Registered with app.addSchema (it refers to itself). */
export const RegionNodeSchema = Type.Object(
  {
    id: Type.String(),
    code: Type.String(),
    name: Type.String(),
    kind: Type.String(),
    parentId: Type.Union([Type.String(), Type.Null()]),
    children: Type.Array(Type.Ref('RegionNode')),
  },
  { $id: 'RegionNode' },
);

export const RegionTree = Type.Object({ items: Type.Array(Type.Ref('RegionNode')) });

export const IndustryList = Type.Object({
  items: Type.Array(Type.Object({ code: Type.String(), name: Type.String() })),
});
