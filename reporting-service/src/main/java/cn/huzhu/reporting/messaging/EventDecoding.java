package cn.huzhu.reporting.messaging;

import cn.huzhu.contracts.EventCodec;
import cn.huzhu.contracts.UndecodableRecordException;
import cn.huzhu.reporting.query.DistrictEnrollmentProjection.Event;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;

/** Contract records off the wire, with their event id. */
final class EventDecoding {

    private EventDecoding() {}

    static Event decode(byte[] value) {
        SpecificRecord record = EventCodec.contracts().decode(value);
        Object id = record.getSchema().getField("eventId") == null
                ? null
                : record.get(record.getSchema().getField("eventId").pos());
        if (!(id instanceof UUID eventId)) {
            throw new UndecodableRecordException("Record " + record.getSchema().getName() + " carries no event id");
        }
        return new Event(eventId, record);
    }
}
