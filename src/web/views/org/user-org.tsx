/** A user's page in 组织与用户: the edit form and the password reset. Pure. */
import type { UserOrgPage } from '../../../org/org-pages.ts';
import { Csrf, FormError, Select, Submit, type FormState } from '../forms.tsx';
import { UserFields } from './user-fields.tsx';

export function UserOrg(props: { page: UserOrgPage; form: FormState; csrf: string; oneTime?: string }) {
  const { u, offices, villages } = props.page;
  const { csrf, oneTime } = props;
  const f = props.form;
  return (
    <>
      <p>
        <a href={`/office/org/${u.agencyId}`}>← 返回组织与用户</a>
      </p>
      <h1>
        用户 {u.username}（{u.displayName}）
      </h1>
      {oneTime ? (
        <div class="flash" role="status">
          新的一次性密码（只显示这一次）：<code>{oneTime}</code>
        </div>
      ) : null}
      <form method="post" action={`/office/org/users/${u.id}`} novalidate>
        <Csrf token={csrf} />
        <FormError form={f} />
        <UserFields form={f} offices={offices} villages={villages} />
        <Select
          form={f}
          name="isActive"
          label="状态"
          options={[
            { value: '1', label: '正常' },
            { value: '0', label: '停用' },
          ]}
        />
        <Submit>保存</Submit>
      </form>
      <h2>重置密码</h2>
      <form method="post" action={`/office/org/users/${u.id}/reset-password`}>
        <Csrf token={csrf} />
        <p class="hint">生成新的一次性密码并解除锁定；该用户下次登录时须修改密码。</p>
        <button type="submit" data-confirm="确定要重置该用户的密码吗？">
          重置密码
        </button>
      </form>
    </>
  );
}
