import type { Role } from './roles.ts';

/** Kinds of agency in the tree: province → city → county → township | department. */
export const AGENCY_KINDS = ['province', 'city', 'county', 'township', 'department'] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

export const AGENCY_KIND_LABELS: Record<AgencyKind, string> = {
  province: '省级',
  city: '市级',
  county: '县级人民政府',
  township: '乡镇人民政府',
  department: '县级人民政府部门',
};

/** Which kinds may sit directly under which. */
export const ALLOWED_CHILDREN: Record<AgencyKind, readonly AgencyKind[]> = {
  province: ['city', 'department'],
  city: ['county', 'department'],
  county: ['township', 'department'],
  township: [],
  department: [],
};

export interface Agency {
  id: number;
  code: string;
  name: string;
  shortName: string;
  kind: AgencyKind;
  parentId: number | null;
  isPeopleGovernment: boolean;
  disclosureOfficeId: number | null;
}

export interface Office {
  id: number;
  agencyId: number;
  name: string;
  sortOrder: number;
  /** Reviews the office's items when it has no head user (null: the disclosure office's head does). */
  substituteUserId: number | null;
}

export interface Village {
  id: number;
  agencyId: number;
  name: string;
  code: string | null;
  sortOrder: number;
}

export interface User {
  id: number;
  agencyId: number;
  officeId: number | null;
  villageId: number | null;
  username: string;
  displayName: string;
  roles: Role[];
  mustChangePassword: boolean;
  isActive: boolean;
  lockedUntil: string | null;
  phone: string | null;
  email: string | null;
  lastLoginAt: string | null;
}

/** The agencies in the subtree of `rootId` (the root included), in the order given. */
export function subtreeOf<A extends Pick<Agency, 'id' | 'parentId'>>(all: readonly A[], rootId: number): A[] {
  const inTree = new Set([rootId]);
  for (let grew = true; grew;) {
    grew = false;
    for (const a of all)
      if (a.parentId != null && inTree.has(a.parentId) && !inTree.has(a.id)) {
        inTree.add(a.id);
        grew = true;
      }
  }
  return all.filter((a) => inTree.has(a.id));
}
