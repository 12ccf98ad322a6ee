package io.parley.common.embedded.fuzz;

import java.util.Random;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;

/**
 * Jazzer's {@link FuzzedDataProvider} over a seeded {@link Random} instead of a fuzzer's bytes: the same fuzz targets
 * run in the normal test run, on inputs that are the same in every run. Like the fuzzer's data it runs out after a
 * number of bytes, then gives the smallest values, so that every target ends.
 */
final class RandomData implements FuzzedDataProvider {

    private final Random random;
    private int remaining;

    RandomData(Random random, int bytes) {
        this.random = random;
        this.remaining = bytes;
    }

    private boolean take(int bytes) {
        if (remaining <= 0) {
            return false;
        }
        remaining = Math.max(0, remaining - bytes);
        return true;
    }

    @Override
    public boolean consumeBoolean() {
        return take(1) && random.nextBoolean();
    }

    @Override
    public boolean[] consumeBooleans(int maxLength) {
        boolean[] values = new boolean[Math.min(maxLength, remainingBytes())];
        for (int i = 0; i < values.length; i++) {
            values[i] = consumeBoolean();
        }
        return values;
    }

    @Override
    public byte consumeByte() {
        return take(1) ? (byte) random.nextInt() : 0;
    }

    @Override
    public byte consumeByte(byte min, byte max) {
        return (byte) consumeLong(min, max);
    }

    @Override
    public byte[] consumeBytes(int maxLength) {
        byte[] bytes = new byte[Math.min(Math.max(0, maxLength), random.nextInt(Math.max(1, remainingBytes() + 1)))];
        random.nextBytes(bytes);
        take(bytes.length);
        return bytes;
    }

    @Override
    public byte[] consumeRemainingAsBytes() {
        return consumeBytes(remainingBytes());
    }

    @Override
    public short consumeShort() {
        return take(2) ? (short) random.nextInt() : 0;
    }

    @Override
    public short consumeShort(short min, short max) {
        return (short) consumeLong(min, max);
    }

    @Override
    public short[] consumeShorts(int maxLength) {
        short[] values = new short[Math.min(maxLength, remainingBytes() / 2)];
        for (int i = 0; i < values.length; i++) {
            values[i] = consumeShort();
        }
        return values;
    }

    @Override
    public int consumeInt() {
        return take(4) ? random.nextInt() : 0;
    }

    @Override
    public int consumeInt(int min, int max) {
        return (int) consumeLong(min, max);
    }

    @Override
    public int[] consumeInts(int maxLength) {
        int[] values = new int[Math.min(maxLength, remainingBytes() / 4)];
        for (int i = 0; i < values.length; i++) {
            values[i] = consumeInt();
        }
        return values;
    }

    @Override
    public long consumeLong() {
        return take(8) ? random.nextLong() : 0;
    }

    @Override
    public long consumeLong(long min, long max) {
        if (min > max) {
            throw new IllegalArgumentException("min must be <= max");
        }
        if (!take(8) || min == max) {
            return min;
        }
        // the bounds themselves as often as a fuzzer's data gives them
        return switch (random.nextInt(8)) {
            case 0 -> min;
            case 1 -> max;
            default -> max - min + 1 > 0 ? min + random.nextLong(max - min + 1) : wide(min, max);
        };
    }

    /** A value of a range wider than a long can count: more than half of all longs, so few draws find one. */
    private long wide(long min, long max) {
        long value = random.nextLong();
        while (value < min || value > max) {
            value = random.nextLong();
        }
        return value;
    }

    @Override
    public long[] consumeLongs(int maxLength) {
        long[] values = new long[Math.min(maxLength, remainingBytes() / 8)];
        for (int i = 0; i < values.length; i++) {
            values[i] = consumeLong();
        }
        return values;
    }

    @Override
    public float consumeFloat() {
        return (float) consumeDouble();
    }

    @Override
    public float consumeRegularFloat() {
        return (float) consumeRegularDouble();
    }

    @Override
    public float consumeRegularFloat(float min, float max) {
        return (float) consumeRegularDouble(min, max);
    }

    @Override
    public float consumeProbabilityFloat() {
        return (float) consumeProbabilityDouble();
    }

    @Override
    public double consumeDouble() {
        if (!take(8)) {
            return 0;
        }
        return switch (random.nextInt(8)) {
            case 0 -> Double.NaN;
            case 1 -> Double.POSITIVE_INFINITY;
            case 2 -> Double.NEGATIVE_INFINITY;
            case 3 -> Double.MIN_VALUE;
            default -> Double.longBitsToDouble(random.nextLong());
        };
    }

    @Override
    public double consumeRegularDouble() {
        double value = consumeDouble();
        return Double.isFinite(value) ? value : 0;
    }

    @Override
    public double consumeRegularDouble(double min, double max) {
        return take(8) ? min + (max - min) * random.nextDouble() : min;
    }

    @Override
    public double consumeProbabilityDouble() {
        return take(8) ? random.nextDouble() : 0;
    }

    @Override
    public char consumeChar() {
        return take(2) ? (char) random.nextInt(Character.MAX_VALUE + 1) : 0;
    }

    @Override
    public char consumeChar(char min, char max) {
        return (char) consumeLong(min, max);
    }

    @Override
    public char consumeCharNoSurrogates() {
        char c = consumeChar();
        return Character.isSurrogate(c) ? 0 : c;
    }

    /** Characters of every plane and kind: ASCII most often, as in text, then controls, surrogates, the rest. */
    @Override
    public String consumeString(int maxLength) {
        int length = Math.min(Math.max(0, maxLength), random.nextInt(Math.max(1, remainingBytes() + 1)));
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length && take(1); i++) {
            text.append(switch (random.nextInt(6)) {
                case 0, 1, 2 -> (char) (0x20 + random.nextInt(0x5F));
                case 3 -> (char) random.nextInt(0x20);
                case 4 -> (char) (0xD800 + random.nextInt(0x800));
                default -> (char) random.nextInt(Character.MAX_VALUE + 1);
            });
        }
        return text.toString();
    }

    @Override
    public String consumeRemainingAsString() {
        return consumeString(remainingBytes());
    }

    @Override
    public String consumeAsciiString(int maxLength) {
        int length = Math.min(Math.max(0, maxLength), random.nextInt(Math.max(1, remainingBytes() + 1)));
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length && take(1); i++) {
            text.append((char) random.nextInt(0x80));
        }
        return text.toString();
    }

    @Override
    public String consumeRemainingAsAsciiString() {
        return consumeAsciiString(remainingBytes());
    }

    @Override
    public int remainingBytes() {
        return remaining;
    }
}
