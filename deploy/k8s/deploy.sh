#!/usr/bin/env bash
# Deploys an overlay with the migrations first: everything but the api/worker objects, then the
# migrate Job to completion, then the Deployments, waiting for both rollouts.
# Usage: deploy/k8s/deploy.sh [overlay]   (default: deploy/k8s/overlays/production)
# The Secret orders-secrets must exist in the namespace (docs/scaling.md).
set -euo pipefail
overlay=${1:-deploy/k8s/overlays/production}
rendered=$(mktemp --suffix=.yaml)
trap 'rm -f "$rendered"' EXIT
kubectl kustomize "$overlay" >"$rendered"

apps='app.kubernetes.io/component in (api,worker)'
others='app.kubernetes.io/component notin (api,worker)'
migrate='app.kubernetes.io/component=migrate'

columns='-o=custom-columns=KIND:.kind,NAMESPACE:.metadata.namespace,NAME:.metadata.name'

# A Job's template cannot change: the previous run goes first.
kubectl delete -f "$rendered" -l "$migrate" --ignore-not-found --wait
kubectl apply -f "$rendered" -l "$others"
if ! kubectl wait -f "$rendered" -l "$migrate" --for=condition=complete --timeout=10m; then
  kubectl get -f "$rendered" -l "$migrate" "$columns" --no-headers |
    while read -r _ namespace name; do kubectl logs --namespace "$namespace" "job/$name" --tail=50; done
  echo 'migrations did not complete: the running version keeps serving' >&2
  exit 1
fi
kubectl apply -f "$rendered" -l "$apps"
kubectl get -f "$rendered" -l "$apps" "$columns" --no-headers |
  while read -r kind namespace name; do
    [ "$kind" = Deployment ] || continue
    kubectl rollout status --namespace "$namespace" "deployment/$name" --timeout=10m
  done
