# Stand-in for prom/prometheus from Debian's prometheus package (same entrypoint, user, paths).
FROM debian:bookworm-slim
RUN apt-get update -qq && apt-get install -y -qq prometheus >/dev/null \
  && rm -rf /var/lib/apt/lists/* && mkdir -p /prometheus /etc/prometheus \
  && chown nobody:nogroup /prometheus
USER nobody
WORKDIR /prometheus
EXPOSE 9090
ENTRYPOINT ["/usr/bin/prometheus"]
CMD ["--config.file=/etc/prometheus/prometheus.yml", "--storage.tsdb.path=/prometheus"]
