package cn.huzhu.enrollment.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huzhu.enrollment.IntegrationTestSupport;
import cn.huzhu.enrollment.command.IdNumbers;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EnrollmentApiIT extends IntegrationTestSupport {

    @LocalServerPort
    int port;
    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    @Test
    void shouldRegisterAUnitAndAMember() {
        Api.Response unit = api.post("/api/units", Map.of("name", "宁波港集团", "district", "北仑", "nature", "PUBLIC", "insuredHeadcount", 120));
        assertThat(unit.status()).as(unit.body()).isEqualTo(201);
        Api.Response member = api.post("/api/members", Map.of("idNumber", IdNumbers.male(1), "name", "张三",
                "phone", "13800001234", "unitId", unit.text("unitId"), "category", "IN_SERVICE",
                "serviceCard", true, "realNameVerified", true));
        assertThat(member.status()).as(member.body()).isEqualTo(201);
        assertThat(member.text("district")).isEqualTo("北仑");
    }
}
