import { zodResolver } from '@hookform/resolvers/zod';
import { ActionGroup, Alert, Button, Form } from '@patternfly/react-core';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import * as z from 'zod/mini';
import { t } from '../../i18n/i18n';
import { alertLabel } from '../../i18n/patternfly';
import { login } from '../../engine-api/sso';
import { ErrorText } from '../../ui/ErrorText';
import { SecretField, TextField } from '../../ui/form-fields';

// The engine's SSO takes the profile (the authentication domain) from what follows the last "@" and refuses a name
// without one ("No valid profile found in credentials.": enginesso SsoService.translateUser / areCredentialsValid),
// so the form says so next to the field before asking the engine.
/** A user name and a profile around the last "@" ("user@example.com@corp.ldap" is user "user@example.com"). */
function hasProfile(u: string): boolean {
  const at = u.lastIndexOf('@');
  return at > 0 && at < u.length - 1;
}

// zod/mini: this form is on the login page, whose first load is budgeted (decision 045).
const schema = z.object({
  username: z.string().check(
    z.trim(),
    z.minLength(1, { error: () => t('login.usernameRequired') }),
    z.refine(hasProfile, { error: () => t('login.usernameProfile') }),
  ),
  password: z.string().check(z.minLength(1, { error: () => t('login.passwordRequired') })),
});
type Values = z.infer<typeof schema>;

/** Username, Password, Log in. The engine decides who may log in; its reason is shown as it is. */
export function LoginForm({ defaultUsername = '', onLoggedIn }: { defaultUsername?: string; onLoggedIn?: () => void }) {
  const [failure, setFailure] = useState<unknown>();
  const { control, handleSubmit, formState, setFocus } = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: { username: defaultUsername, password: '' },
    mode: 'onTouched',
  });
  const submit = handleSubmit(async (v) => {
    setFailure(undefined);
    try {
      await login({ username: v.username.trim(), password: v.password });
      onLoggedIn?.();
    } catch (e) {
      setFailure(e ?? new Error(String(e)));
      setFocus('password');
    }
  });
  return (
    <Form onSubmit={(e) => void submit(e)} noValidate>
      {failure !== undefined ? (
        <Alert variant="danger" variantLabel={alertLabel('danger')} isInline title={t('login.failed')} component="h2" role="alert">
          <ErrorText error={failure} />
        </Alert>
      ) : null}
      <TextField control={control} name="username" id="login-username" label={t('login.username')} autoComplete="username" isRequired />
      <SecretField control={control} name="password" id="login-password" label={t('login.password')} autoComplete="current-password" isRequired />
      <ActionGroup>
        <Button type="submit" variant="primary" isLoading={formState.isSubmitting} isDisabled={formState.isSubmitting}>
          {t('login.submit')}
        </Button>
      </ActionGroup>
    </Form>
  );
}
