package cn.huzhu.contracts.kafka;

import cn.huzhu.contracts.EventCodec;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serializer;

/** Kafka value serializer for contract records (Avro single-object encoding). */
public class ContractSerializer implements Serializer<SpecificRecord> {

    @Override
    public byte[] serialize(String topic, SpecificRecord data) {
        return data == null ? null : EventCodec.contracts().encode(data);
    }
}
