-- Rows of the publication log written by processors other than the publisher (until the log's interceptor was kept to the
-- publisher, Axon registered it on every processor): those of the views carry no global index and were never dropped.
delete from publication_log where global_index is null;
