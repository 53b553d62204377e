import type { App, C } from '../../app-env.ts';
import { BareLayout } from '../../views/layout.tsx';
import { Csrf, Field, FormError, Submit, emptyForm, type FormState } from '../../views/forms.tsx';
import { page, redirectWithFlash } from '../../render.tsx';
import { formData, str } from '../../form.ts';
import { signIn, signOut, changePassword } from '../../../auth/sign-in.ts';
import { takeToken } from '../../../auth/rate-limit.ts';
import { clearSessionCookie, setSessionCookie } from '../../cookies.ts';
import { deleteSession } from '../../../auth/session.ts';
import { isDomainError, ValidationError } from '../../../errors.ts';
import { officePage, currentUser } from '../../office-page.tsx';

/** Sign-in attempts allowed per client address per 5 minutes (on top of the per-account lockout). */
const SIGN_IN_LIMIT = 20;

function safeNext(next: string | undefined): string {
  return next && next.startsWith('/office') && !next.startsWith('//') ? next : '/office';
}

function SignInForm({ c, form, next }: { c: C; form: FormState; next: string }) {
  return (
    <BareLayout
      title="工作人员登录 - 政务公开工作平台"
      largeFont={c.get('largeFont')}
      csrf={c.get('csrf')}
      flash={c.get('flash')}
    >
      <h1>政务公开工作平台</h1>
      <p class="muted">工作人员登录</p>
      <form method="post" action="/office/sign-in" novalidate>
        <Csrf token={c.get('csrf')} />
        <input type="hidden" name="next" value={next} />
        <FormError form={form} />
        <Field form={form} name="username" label="用户名" required autocomplete="username" />
        <Field
          form={form}
          name="password"
          label="密码"
          type="password"
          required
          autocomplete="current-password"
          secret
        />
        <Submit>登录</Submit>
      </form>
      <p class="muted">
        <a href="/">返回公开门户</a>
      </p>
    </BareLayout>
  );
}

export function authRoutes(app: App): void {
  app.get('/office/sign-in', (c) => {
    if (c.get('session')) return c.redirect('/office', 303);
    return page(c, <SignInForm c={c} form={emptyForm()} next={safeNext(c.req.query('next'))} />);
  });

  app.post('/office/sign-in', async (c) => {
    const f = await formData(c);
    const next = safeNext(str(f.next));
    const form: FormState = { values: { username: str(f.username) }, errors: {} };
    const ctx = c.get('ctx');
    const allowed = await takeToken(
      ctx.db,
      `sign-in:${ctx.meta.ip ?? 'unknown'}`,
      SIGN_IN_LIMIT,
      5 * 60 * 1000,
      ctx.clock.now(),
    );
    if (!allowed) {
      form.message = '登录尝试过于频繁，请5分钟后再试';
      return page(c, <SignInForm c={c} form={form} next={next} />, 429);
    }
    if (!str(f.username).trim() || !str(f.password)) {
      form.message = '请输入用户名和密码';
      return page(c, <SignInForm c={c} form={form} next={next} />, 400);
    }
    try {
      const r = await signIn(ctx, str(f.username), str(f.password));
      // Rotate: the session this browser had before (whoever's it was) ends; the new one gets a new cookie.
      const previous = c.get('session');
      if (previous) await deleteSession(ctx.db, previous.id);
      setSessionCookie(c, r.token);
      return c.redirect(r.user.mustChangePassword ? '/office/password' : next, 303);
    } catch (e) {
      if (!isDomainError(e)) throw e;
      form.message = e.message;
      return page(c, <SignInForm c={c} form={form} next={next} />, e.code === 'locked' ? 423 : 401);
    }
  });

  app.post('/office/sign-out', async (c) => {
    const s = c.get('session');
    if (s) await signOut(c.get('ctx'), s.id);
    clearSessionCookie(c);
    return redirectWithFlash(c, '/office/sign-in', '您已安全退出');
  });

  const passwordPage = (c: C, form: FormState, status = 200) => {
    const user = currentUser(c);
    return officePage(
      c,
      '修改密码',
      <>
        <h1>修改密码</h1>
        {user.mustChangePassword ? (
          <p class="form-error" role="alert">
            首次登录或密码已被重置，请先设置您自己的新密码。
          </p>
        ) : null}
        <form method="post" action="/office/password" novalidate>
          <Csrf token={c.get('csrf')} />
          <FormError form={form} />
          <Field
            form={form}
            name="current"
            label="当前密码"
            type="password"
            required
            autocomplete="current-password"
            secret
          />
          <Field
            form={form}
            name="next"
            label="新密码"
            type="password"
            required
            autocomplete="new-password"
            secret
            hint="至少10个字符，包含大写字母、小写字母、数字、符号中的至少三类"
          />
          <Field
            form={form}
            name="confirm"
            label="再次输入新密码"
            type="password"
            required
            autocomplete="new-password"
            secret
          />
          <Submit>保存新密码</Submit>
        </form>
      </>,
      status,
    );
  };

  app.get('/office/password', (c) => passwordPage(c, emptyForm()));
  app.post('/office/password', async (c) => {
    const f = await formData(c);
    try {
      await changePassword(c.get('ctx'), {
        current: str(f.current),
        next: str(f.next),
        confirm: str(f.confirm),
        keepSessionId: c.get('session')?.id,
      });
    } catch (e) {
      if (e instanceof ValidationError) {
        return passwordPage(c, { values: {}, errors: e.fieldErrors, message: e.message }, 400);
      }
      throw e;
    }
    return redirectWithFlash(c, '/office', '密码已修改');
  });
}
