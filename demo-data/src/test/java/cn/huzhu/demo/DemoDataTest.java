package cn.huzhu.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class DemoDataTest {

    @Test
    void shouldTakeTheLoadersTokenFromTheTokenEndpointsClientCredentialsGrant() throws Exception {
        AtomicReference<String> form = new AtomicReference<>();
        HttpServer endpoint = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        endpoint.createContext("/token", exchange -> {
            form.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            boolean right = form.get().contains("client_secret=s%26cret");
            byte[] body = (right
                            ? "{\"access_token\":\"eyJ.loader\",\"token_type\":\"Bearer\"}"
                            : "{\"error\":\"unauthorized_client\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(right ? 200 : 401, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        endpoint.start();
        try {
            String url = "http://127.0.0.1:" + endpoint.getAddress().getPort() + "/token";
            assertThat(DemoData.clientCredentials(url, "huzhu-demo-loader", "s&cret"))
                    .isEqualTo("eyJ.loader");
            assertThat(form.get()).startsWith("grant_type=client_credentials&client_id=huzhu-demo-loader&");
            assertThatThrownBy(() -> DemoData.clientCredentials(url, "huzhu-demo-loader", "wrong"))
                    .hasMessageContaining("401");
        } finally {
            endpoint.stop(0);
        }
    }
}
