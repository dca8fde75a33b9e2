import { zodResolver } from '@hookform/resolvers/zod';
import { ActionGroup, Alert, Button, Form } from '@patternfly/react-core';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import * as z from 'zod/mini';
import { errorText } from '../../engine-api/errors';
import { login } from '../../engine-api/sso';
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
    z.minLength(1, 'Enter your user name, for example admin@internal.'),
    z.refine(hasProfile, { message: 'Add the profile after @, for example admin@internal.' }),
  ),
  password: z.string().check(z.minLength(1, 'Enter your password.')),
});
type Values = z.infer<typeof schema>;

/** Username, Password, Log in. The engine decides who may log in; its reason is shown as it is. */
export function LoginForm({ defaultUsername = '', onLoggedIn }: { defaultUsername?: string; onLoggedIn?: () => void }) {
  const [failure, setFailure] = useState<string | undefined>();
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
      setFailure(errorText(e));
      setFocus('password');
    }
  });
  return (
    <Form onSubmit={(e) => void submit(e)} noValidate>
      {failure ? (
        <Alert variant="danger" isInline title="Login failed" component="h2" role="alert">
          {failure}
        </Alert>
      ) : null}
      <TextField control={control} name="username" id="login-username" label="Username" autoComplete="username" isRequired />
      <SecretField control={control} name="password" id="login-password" label="Password" autoComplete="current-password" isRequired />
      <ActionGroup>
        <Button type="submit" variant="primary" isLoading={formState.isSubmitting} isDisabled={formState.isSubmitting}>
          Log in
        </Button>
      </ActionGroup>
    </Form>
  );
}
