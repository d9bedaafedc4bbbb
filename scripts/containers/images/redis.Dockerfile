# Stand-in for the official redis image from Debian's redis-server.
FROM debian:bookworm-slim
RUN apt-get update -qq && apt-get install -y -qq redis-server >/dev/null \
  && rm -rf /var/lib/apt/lists/* && mkdir /data && chown redis:redis /data
COPY redis-entrypoint.sh /usr/local/bin/docker-entrypoint.sh
WORKDIR /data
USER redis
EXPOSE 6379
ENTRYPOINT ["docker-entrypoint.sh"]
CMD ["redis-server"]
