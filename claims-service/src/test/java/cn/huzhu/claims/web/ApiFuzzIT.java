package cn.huzhu.claims.web;

import cn.huzhu.claims.IntegrationTestSupport;
import cn.huzhu.security.ApiFuzzContract;
import org.springframework.boot.test.context.SpringBootTest;

/** Malformed requests to every operation of the claims API: refused as problem details, nothing stored or published. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiFuzzIT extends IntegrationTestSupport implements ApiFuzzContract {}
