package cn.huzhu.system;

/** ID numbers written out by their parts, with the GB 11643 MOD 11-2 check character computed independently of the services. */
final class IdNumberFixtures {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};

    private IdNumberFixtures() {}

    static String idNumber(String region, String birth, int sequence) {
        String body = region + birth + String.format("%03d", sequence);
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * WEIGHTS[i];
        }
        return body + "10X98765432".charAt(sum % 11);
    }
}
