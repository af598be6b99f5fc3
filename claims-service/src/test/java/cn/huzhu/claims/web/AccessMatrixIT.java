package cn.huzhu.claims.web;

import cn.huzhu.claims.IntegrationTestSupport;
import cn.huzhu.security.AccessMatrixContract;
import org.springframework.boot.test.context.SpringBootTest;

/** Every endpoint × every role, from the one table in {@code access-matrix.txt}. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AccessMatrixIT extends IntegrationTestSupport implements AccessMatrixContract {}
