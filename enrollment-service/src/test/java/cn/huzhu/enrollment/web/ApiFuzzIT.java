package cn.huzhu.enrollment.web;

import cn.huzhu.enrollment.IntegrationTestSupport;
import cn.huzhu.security.ApiFuzzContract;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** Malformed requests to every operation of the enrolment API: refused as problem details, nothing stored or published. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiFuzzIT extends IntegrationTestSupport implements ApiFuzzContract {

    @Autowired
    JdbcTemplate jdbc;

    /** Every change is an event, and every event reaches Kafka from the event store. */
    @Override
    public long storedChanges() {
        return jdbc.queryForObject("select count(*) from domainevententry", Long.class);
    }
}
