package org.tradeflow.workflow;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * One set of identities for API callers and Tasklist users: Camunda's identity service. A user's groups
 * become Spring authorities named after the group ({@code sales-managers}, {@code finance}, ...).
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

    private final IdentityService identityService;

    CamundaIdentityAuthenticationProvider(IdentityService identityService) {
        this.identityService = identityService;
    }

    /**
     * Bad credentials are the caller's fault (401); an identity store that cannot answer (the database is
     * down) is ours, reported as a service problem (503) that the caller may retry, never as bad credentials.
     */
    @Override
    public Authentication authenticate(Authentication authentication) {
        String userId = authentication.getName();
        String password = String.valueOf(authentication.getCredentials());
        try {
            if (!identityService.checkPassword(userId, password)) {
                throw new BadCredentialsException("Bad credentials");
            }
            List<SimpleGrantedAuthority> groups = identityService.createGroupQuery().groupMember(userId).list().stream()
                    .map(Group::getId).map(SimpleGrantedAuthority::new).toList();
            return UsernamePasswordAuthenticationToken.authenticated(userId, null, groups);
        } catch (AuthenticationException callersFault) {
            throw callersFault;
        } catch (RuntimeException unreachable) {
            throw new InternalAuthenticationServiceException("The identity store cannot be reached", unreachable);
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
