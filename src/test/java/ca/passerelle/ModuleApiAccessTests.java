package ca.passerelle;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.PermitAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * Deny by default, at the module boundary too: every public method of every module's API (the
 * public beans in a module's root package) declares who may call it.
 */
class ModuleApiAccessTests {

    @Test
    void everyModuleApiMethodDeclaresWhoMayCallIt() throws ClassNotFoundException {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Component.class));
        List<String> undeclared = new ArrayList<>();
        int declared = 0;
        for (var candidate : scanner.findCandidateComponents("ca.passerelle")) {
            Class<?> type = ClassUtils.forName(candidate.getBeanClassName(), getClass().getClassLoader());
            boolean moduleApi = type.getPackageName().matches("ca\\.passerelle\\.\\w+") && Modifier.isPublic(type.getModifiers());
            if (!moduleApi) {
                continue;
            }
            for (Method method : type.getDeclaredMethods()) {
                if (!Modifier.isPublic(method.getModifiers()) || Modifier.isStatic(method.getModifiers()) || method.isSynthetic()) {
                    continue;
                }
                if (method.isAnnotationPresent(PreAuthorize.class) || method.isAnnotationPresent(PermitAll.class)) {
                    declared++;
                } else {
                    undeclared.add(type.getSimpleName() + "." + method.getName());
                }
            }
        }
        assertThat(undeclared).as("module API methods without @PreAuthorize or @PermitAll").isEmpty();
        assertThat(declared).isGreaterThan(30);
    }
}
