package ca.passerelle.identity;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/** The data source every module uses: the application's pool, scoped to the staff request's organisation. */
@Configuration(proxyBeanMethods = false)
class RowLevelSecurityConfiguration {

    @Bean
    @Primary
    DataSource dataSource(@Qualifier("applicationPool") DataSource applicationPool) {
        return new OrganisationScopedDataSource(applicationPool);
    }
}
