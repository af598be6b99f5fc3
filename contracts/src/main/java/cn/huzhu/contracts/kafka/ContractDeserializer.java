package cn.huzhu.contracts.kafka;

import cn.huzhu.contracts.EventCodec;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Kafka value deserializer for contract records. Throws {@code UndecodableRecordException} on bytes it
 * cannot read; wrap it in spring-kafka's ErrorHandlingDeserializer so such records reach the dead-letter topic.
 */
public class ContractDeserializer implements Deserializer<SpecificRecord> {

    @Override
    public SpecificRecord deserialize(String topic, byte[] data) {
        return data == null ? null : EventCodec.contracts().decode(data);
    }
}
