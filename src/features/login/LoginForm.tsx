import { zodResolver } from '@hookform/resolvers/zod';
import { ActionGroup, Alert, Button, Form, FormGroup, FormHelperText, HelperText, HelperTextItem, TextInput } from '@patternfly/react-core';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { z } from 'zod';
import { errorText } from '../../engine-api/errors';
import { login } from '../../engine-api/sso';

const schema = z.object({
  username: z.string().trim().min(1, 'Enter your user name, for example admin@internal.'),
  password: z.string().min(1, 'Enter your password.'),
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
      <Controller
        name="username"
        control={control}
        render={({ field, fieldState }) => (
          <FormGroup label="Username" fieldId="login-username" isRequired>
            <TextInput
              id="login-username"
              {...field}
              onChange={(_e, v) => field.onChange(v)}
              autoComplete="username"
              validated={fieldState.error ? 'error' : 'default'}
              aria-describedby={fieldState.error ? 'login-username-error' : undefined}
              isRequired
            />
            {fieldState.error ? (
              <FormHelperText>
                <HelperText>
                  <HelperTextItem variant="error" id="login-username-error">
                    {fieldState.error.message}
                  </HelperTextItem>
                </HelperText>
              </FormHelperText>
            ) : null}
          </FormGroup>
        )}
      />
      <Controller
        name="password"
        control={control}
        render={({ field, fieldState }) => (
          <FormGroup label="Password" fieldId="login-password" isRequired>
            <TextInput
              id="login-password"
              type="password"
              {...field}
              onChange={(_e, v) => field.onChange(v)}
              autoComplete="current-password"
              validated={fieldState.error ? 'error' : 'default'}
              aria-describedby={fieldState.error ? 'login-password-error' : undefined}
              isRequired
            />
            {fieldState.error ? (
              <FormHelperText>
                <HelperText>
                  <HelperTextItem variant="error" id="login-password-error">
                    {fieldState.error.message}
                  </HelperTextItem>
                </HelperText>
              </FormHelperText>
            ) : null}
          </FormGroup>
        )}
      />
      <ActionGroup>
        <Button type="submit" variant="primary" isLoading={formState.isSubmitting} isDisabled={formState.isSubmitting}>
          Log in
        </Button>
      </ActionGroup>
    </Form>
  );
}
