package org.tradeflow.workflow;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.transaction.CannotCreateTransactionException;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** Wrong credentials are the caller's problem; an identity store that cannot answer is ours. */
class CamundaIdentityAuthenticationProviderTest {

    private final IdentityService identities = mock(IdentityService.class);
    private final CamundaIdentityAuthenticationProvider provider = new CamundaIdentityAuthenticationProvider(identities);

    @Test
    void aWrongPasswordIsBadCredentials() {
        when(identities.checkPassword("demo", "wrong")).thenReturn(false);

        assertThatThrownBy(() -> provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("demo", "wrong")))
                .isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void anIdentityStoreThatCannotBeReachedIsAServiceProblemNotBadCredentials() {
        when(identities.checkPassword("demo", "demo"))
                .thenThrow(new CannotCreateTransactionException("Could not open JPA EntityManager for transaction"));

        assertThatThrownBy(() -> provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("demo", "demo")))
                .isInstanceOf(AuthenticationServiceException.class)
                .hasCauseInstanceOf(CannotCreateTransactionException.class);
    }
}
