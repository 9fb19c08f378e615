package dev.tenantfleet.service.adoption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading an import in CSV: RFC 4180 quoting, any column order and spelling, line numbers for the report. */
class AdoptionCsvTest {

    @Test
    void readsQuotedFieldsInAnyColumnOrderWithTheLineEachRowStartsOn() {
        List<NumberedRequest> rows = AdoptionCsv.read("\uFEFFDatabase,slug,Display-Name,ROLE,password,baseline\r\n"
                + "\r\n"
                + "# comment\r\n"
                + "crm_acme,acme,\"Acme, Inc.\",acme_owner,\"p\"\"w,1\",v1.2\r\n"
                + "crm_globex,globex,\"Globex\nCorp\",globex_owner,,\n"
                + "crm_initech,initech,Initech,initech_owner,  spaced  ,");

        assertThat(rows).extracting(NumberedRequest::line).containsExactly(4, 5, 7);
        AdoptionRequest acme = rows.get(0).request();
        assertThat(acme.database()).isEqualTo("crm_acme");
        assertThat(acme.slug()).isEqualTo("acme");
        assertThat(acme.name()).isEqualTo("Acme, Inc.");
        assertThat(acme.username()).isEqualTo("acme_owner");
        assertThat(acme.password()).isEqualTo("p\"w,1");
        assertThat(acme.baselineTag()).isEqualTo("v1.2");
        assertThat(acme.server()).isNull();
        assertThat(rows.get(1).request().name()).isEqualTo("Globex\nCorp");
        assertThat(rows.get(1).request().password()).isEmpty();
        assertThat(rows.get(2).request().password()).isEqualTo("spaced");
        assertThat(acme.toString()).doesNotContain("p\"w,1").contains("password=***");
    }

    @Test
    void aRowWithMoreFieldsThanColumnsIsReportedNotGuessedAt() {
        List<NumberedRequest> rows =
                AdoptionCsv.read("slug,name,database,username\nacme,Acme, Inc.,crm_acme,acme_owner");

        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.request()).isNull();
            assertThat(row.error()).contains("line 2").contains("5 fields").contains("quoted");
        });
    }

    @Test
    void aBadHeaderOrAnUnclosedQuoteRefusesTheWholeImport() {
        assertThatThrownBy(() -> AdoptionCsv.read("")).hasMessageContaining("empty");
        assertThatThrownBy(() -> AdoptionCsv.read("slug,name,tenant_db,username"))
                .hasMessageContaining("unknown column 'tenant_db'");
        assertThatThrownBy(() -> AdoptionCsv.read("slug,name,database,username,slug"))
                .hasMessageContaining("twice");
        assertThatThrownBy(() -> AdoptionCsv.read("slug,database")).hasMessageContaining("[name, username]");
        assertThatThrownBy(() -> AdoptionCsv.read("slug,name,database,username\nacme,\"Acme,db,u"))
                .hasMessageContaining("line 2")
                .hasMessageContaining("never closed");
    }
}
