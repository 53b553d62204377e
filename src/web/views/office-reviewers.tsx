/** An office's head users and its substitute reviewer, with the admin's form to choose the substitute. */
import type { Office, User } from '../../org/org.ts';
import { Csrf } from './forms.tsx';

export function OfficeReviewers(p: {
  office: Office;
  users: readonly User[];
  canManage: boolean;
  action: string;
  csrf: string;
}) {
  const heads = p.users.filter(
    (u) => u.isActive && u.officeId === p.office.id && u.roles.includes('office_head'),
  );
  const sub = p.users.find((u) => u.id === p.office.substituteUserId);
  return (
    <>
      <div>
        {heads.length ? heads.map((u) => u.displayName).join('、') : <span class="badge warn">无负责人</span>}
      </div>
      {p.canManage ? (
        <form method="post" action={p.action} class="inline-form">
          <Csrf token={p.csrf} />
          <label>
            代理审核人{' '}
            <select name="userId">
              <option value="">（无：由公开工作机构负责人审核）</option>
              {p.users
                .filter((u) => u.isActive)
                .map((u) => (
                  <option value={String(u.id)} selected={u.id === p.office.substituteUserId}>
                    {u.displayName}
                  </option>
                ))}
            </select>
          </label>{' '}
          <button type="submit" class="link-button">
            保存
          </button>
        </form>
      ) : sub ? (
        <div class="muted">代理审核人：{sub.displayName}</div>
      ) : null}
    </>
  );
}
